-- Publish calls held at the node while too few key holders of the pseudonym service answer (an
-- agency cut off from the others, holders down): the checked input with its raw identifiers, kept
-- at home only and deleted in the transaction that stores and queues the alerts, so that a
-- partition or a restart loses no alert and sends none twice.
CREATE TABLE "held_publications" (
  "id" UUID NOT NULL,
  "document" JSONB NOT NULL,
  "held_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "last_error" TEXT,
  CONSTRAINT "held_publications_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "held_publications_held_at_idx" ON "held_publications" ("held_at");

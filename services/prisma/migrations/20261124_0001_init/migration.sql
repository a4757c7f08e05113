-- The first schema of an agency node. See prisma/schema.prisma for what each table is for.
CREATE TABLE "alerts" (
  "id" UUID NOT NULL PRIMARY KEY,
  "origin_agency" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "tlp" TEXT NOT NULL,
  "revision" INTEGER NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL,
  "document" JSONB NOT NULL,
  "own" BOOLEAN NOT NULL,
  "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "alerts_own_created_at_idx" ON "alerts" ("own", "created_at");

CREATE TABLE "outbox" (
  "seq" BIGSERIAL NOT NULL PRIMARY KEY,
  "alert_id" UUID NOT NULL,
  "subject" TEXT NOT NULL,
  "msg_id" TEXT NOT NULL,
  "payload" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "sent_at" TIMESTAMPTZ(3)
);
CREATE UNIQUE INDEX "outbox_msg_id_key" ON "outbox" ("msg_id");
CREATE INDEX "outbox_sent_at_seq_idx" ON "outbox" ("sent_at", "seq");

CREATE TABLE "directory_entries" (
  "id" UUID NOT NULL PRIMARY KEY,
  "country" TEXT NOT NULL,
  "roles" TEXT[] NOT NULL,
  "languages" TEXT[] NOT NULL,
  "covers" TEXT[] NOT NULL,
  "document" JSONB NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "quarantine" (
  "id" BIGSERIAL NOT NULL PRIMARY KEY,
  "subject" TEXT NOT NULL,
  "payload" TEXT NOT NULL,
  "reason" TEXT NOT NULL,
  "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

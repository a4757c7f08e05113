-- Every revision of every alert the node has held, its own and its partners': the history that
-- stays for audit when an alert is amended or withdrawn. `alerts` keeps the current revision.
CREATE TABLE "alert_revisions" (
  "alert_id" UUID NOT NULL,
  "revision" INTEGER NOT NULL,
  "document" JSONB NOT NULL,
  "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("alert_id", "revision")
);
INSERT INTO "alert_revisions" ("alert_id", "revision", "document") SELECT "id", "revision", "document" FROM "alerts";

-- The outbox's columns named for what they hold (issue 12, part 3). "alert_id" held an alert's id
-- for alerts, the matched own alert's for correlation notices, the consultation's for consultation
-- events and a random id for audit heads: it becomes "about_id", empty for a head, which is about
-- no one thing, and "kind" says which of the four a row carries. Rows already queued keep their
-- message ids: a row published but not yet marked sent goes out again under the same id, and the
-- partner's duplicate window still drops it.
ALTER TABLE "outbox" ADD COLUMN "kind" TEXT;
UPDATE "outbox" SET "kind" = CASE
  WHEN "msg_id" LIKE 'case:%' THEN 'consultation'
  WHEN "msg_id" LIKE 'correlation:%' THEN 'correlation'
  WHEN "msg_id" LIKE 'audit-head:%' THEN 'audit_head'
  ELSE 'alert' END;
ALTER TABLE "outbox" ALTER COLUMN "kind" SET NOT NULL;
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_kind_check" CHECK ("kind" IN ('alert', 'consultation', 'correlation', 'audit_head'));
ALTER TABLE "outbox" RENAME COLUMN "alert_id" TO "about_id";
ALTER TABLE "outbox" ALTER COLUMN "about_id" DROP NOT NULL;
UPDATE "outbox" SET "about_id" = NULL WHERE "kind" = 'audit_head';

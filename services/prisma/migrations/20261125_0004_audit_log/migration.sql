-- The release audit: every release of this agency's data to another agency (an answer to one of
-- its users, or an alert sent to its node), append-only and hash-chained. Each row's hash covers
-- its content and the previous row's hash, so altering or deleting a past row breaks the chain at
-- that row (src/audit-log.ts verifies it). The trigger refuses UPDATE and DELETE outright; the
-- chain is what still catches a change made by someone who could switch the trigger off.
CREATE TABLE "audit_log" (
  "seq" BIGSERIAL PRIMARY KEY,
  "at" TIMESTAMPTZ(3) NOT NULL,
  "channel" TEXT NOT NULL,
  "agency" TEXT NOT NULL,
  "subject" TEXT,
  "resource" TEXT NOT NULL,
  "items" JSONB NOT NULL,
  "rule" TEXT NOT NULL,
  "policy_version" INTEGER NOT NULL,
  "prev_hash" TEXT NOT NULL,
  "hash" TEXT NOT NULL
);

CREATE INDEX "audit_log_agency_at_idx" ON "audit_log" ("agency", "at");

CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER "audit_log_append_only"
  BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

CREATE TRIGGER "audit_log_no_truncate"
  BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();

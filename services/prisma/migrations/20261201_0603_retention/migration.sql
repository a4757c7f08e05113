-- Retention (issue 17, item 4). When an alert stops holding: its validUntil, or, for an alert that
-- states none, the longest its kind may state (proto VALIDITY_LIMIT_DAYS: 183 days for a route, 730
-- for a false-document series) after it was first published. One definition, read by the hit
-- check, the correlation and the purge alike (alerts/retention-sql.ts names it).
CREATE FUNCTION alert_ends_at(document JSONB) RETURNS TIMESTAMPTZ
  LANGUAGE SQL STABLE PARALLEL SAFE
  RETURN COALESCE(
    (document->>'validUntil')::timestamptz,
    (document->>'createdAt')::timestamptz + CASE document->>'kind' WHEN 'route' THEN INTERVAL '183 days' ELSE INTERVAL '730 days' END);

-- What the purge left in place of what it removed: the item, when it lapsed, under which rule it
-- went, and the SHA-256 of the canonical JSON of everything removed (every revision of an alert,
-- a dead letter's bytes), so that a copy kept elsewhere can be shown to be what was held here.
-- No personal data: ids, times, counts and hashes only. Kept for as long as the audit.
CREATE TABLE "purge_tombstones" (
  "seq" BIGSERIAL PRIMARY KEY,
  "kind" TEXT NOT NULL,
  "item_id" TEXT NOT NULL,
  "origin_agency" TEXT,
  "own" BOOLEAN NOT NULL DEFAULT false,
  "revisions" INTEGER NOT NULL DEFAULT 0,
  -- What the statistics count an alert by (not personal data), so that a purge does not change a
  -- month already reported: when it was first published and its route's region.
  "published_at" TIMESTAMPTZ(3),
  "region" TEXT,
  "lapsed_at" TIMESTAMPTZ(3),
  "purged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "rule" TEXT NOT NULL,
  "retention_version" INTEGER NOT NULL,
  "hash" TEXT NOT NULL
);
-- One tombstone per item; the inbox looks an alert id up here so a late copy is not stored again.
CREATE UNIQUE INDEX "purge_tombstones_item_id_kind_key" ON "purge_tombstones" ("item_id", "kind");
CREATE INDEX "purge_tombstones_purged_at_idx" ON "purge_tombstones" ("purged_at");
-- The dead-letter bound walks the quarantine oldest first.
CREATE INDEX "quarantine_received_at_idx" ON "quarantine" ("received_at");

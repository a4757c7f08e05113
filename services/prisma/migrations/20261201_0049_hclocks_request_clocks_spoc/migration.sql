-- Statutory clocks and single points of contact (issue 17, items 2 and 3).
--
-- The agency's 24/7 single point of contact is one of its directory entries, designated by its
-- administrator; the entry's document says so (proto directoryEntry `spoc`) and this column is
-- kept from it. At most one per agency: the table holds this agency's own entries only, so a
-- unique index over the flag where it is set admits one row.
ALTER TABLE "directory_entries" ADD COLUMN "spoc" BOOLEAN NOT NULL DEFAULT false;
CREATE UNIQUE INDEX "directory_entries_one_spoc" ON "directory_entries" ("spoc") WHERE "spoc";

-- Each sent request's clock, derived from its signed events (consultation_events) whenever one is
-- kept, and rebuilt from them at every start: older requests, whose deadline was a date, get the
-- end of that day, UTC. The receiving agency's node scans the rows that fell due and escalates
-- each once to its single point of contact: `escalated_at` is set in the transaction that keeps
-- and queues the escalation, so a restart or a second scan never escalates twice.
CREATE TABLE "request_clocks" (
  "request_id" UUID NOT NULL PRIMARY KEY,
  "consultation_id" UUID NOT NULL,
  "receiving_agency" TEXT NOT NULL,
  "due_at" TIMESTAMPTZ(3) NOT NULL,
  "running" BOOLEAN NOT NULL,
  "escalated_at" TIMESTAMPTZ(3)
);
CREATE INDEX "request_clocks_due_idx" ON "request_clocks" ("due_at") WHERE "running" AND "escalated_at" IS NULL;

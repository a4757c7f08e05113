-- Ranking a search ("reachable now" first) reads each match's time zone, hours and absences. Read
-- out of the entry document, every match cost a detoasted document (measured: 66 ms for 4,223
-- matches at one node); kept in columns of their own, ranking is done in SQL
-- (directory-store.ts) and only the best entries' documents are read.
ALTER TABLE "directory_entries"
  ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT 'UTC',
  ADD COLUMN "hours" JSONB NOT NULL DEFAULT '[]',
  ADD COLUMN "absences" JSONB NOT NULL DEFAULT '[]';

UPDATE "directory_entries" SET
  "time_zone" = COALESCE("document"->'availability'->>'timeZone', 'UTC'),
  "hours" = COALESCE("document"->'availability'->'hours', '[]'),
  "absences" = COALESCE("document"->'availability'->'absences', '[]');

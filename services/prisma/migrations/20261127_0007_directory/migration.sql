-- The full directory (issue 6): every field a search filters on gets a column of its own, kept
-- from the entry document by the node on every write (directory-store.ts); `search_text` is the
-- folded text free-text search looks in (proto directory-ranking.ts), filled by the node, which
-- backfills rows written before this migration when it starts.
ALTER TABLE "directory_entries"
  ADD COLUMN "competences" TEXT[] NOT NULL DEFAULT '{}',
  ADD COLUMN "networks" TEXT[] NOT NULL DEFAULT '{}',
  ADD COLUMN "routes" TEXT[] NOT NULL DEFAULT '{}',
  ADD COLUMN "posted_in" TEXT,
  ADD COLUMN "always" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "last_verified" DATE,
  ADD COLUMN "retired_at" TIMESTAMPTZ(3),
  ADD COLUMN "search_text" TEXT NOT NULL DEFAULT '';

UPDATE "directory_entries" SET
  "competences" = ARRAY(SELECT jsonb_array_elements_text(COALESCE("document"->'competences', '[]'))),
  "networks" = ARRAY(SELECT jsonb_array_elements_text(COALESCE("document"->'networks', '[]'))),
  "routes" = ARRAY(SELECT jsonb_array_elements_text(COALESCE("document"->'routes', '[]'))),
  "posted_in" = "document"->>'postedIn',
  "always" = COALESCE(("document"->'availability'->>'always')::boolean, false),
  "last_verified" = ("document"->>'lastVerified')::date;

ALTER TABLE "directory_entries" ALTER COLUMN "last_verified" SET NOT NULL;

-- Searches skip retired entries; the re-verification list reads the oldest confirmations first.
CREATE INDEX "directory_entries_live_idx" ON "directory_entries" ("country") WHERE "retired_at" IS NULL;
CREATE INDEX "directory_entries_verified_idx" ON "directory_entries" ("last_verified") WHERE "retired_at" IS NULL;
CREATE INDEX "directory_entries_roles_idx" ON "directory_entries" USING GIN ("roles");
CREATE INDEX "directory_entries_covers_idx" ON "directory_entries" USING GIN ("covers");

-- Who changed which entry, when and how (created, edited, verified, retired, imported, seeded),
-- with the entry as it stood afterwards: the agency's record of its own directory.
CREATE TABLE "directory_changes" (
  "seq" BIGSERIAL NOT NULL PRIMARY KEY,
  "entry_id" UUID NOT NULL,
  "change" TEXT NOT NULL,
  "subject" TEXT NOT NULL,
  "name" TEXT,
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "document" JSONB NOT NULL
);
CREATE INDEX "directory_changes_entry_idx" ON "directory_changes" ("entry_id", "seq");

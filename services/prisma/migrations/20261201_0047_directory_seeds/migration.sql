-- Seed files already applied (issue 14, item 7). A node started with CORRIDOR_SEED_DIRECTORY read,
-- validated and wrote its whole seed file at every start (entries already here were left as they
-- were, so all that work changed nothing): at 100,000 entries that set the node's peak memory.
-- The node now records the SHA-256 of each file it applied (with the agency it was applied for)
-- and, at the next start, hashes the file (streamed) and skips it when it is recorded.
CREATE TABLE "directory_seeds" (
  "digest" TEXT NOT NULL,
  "entries" INTEGER NOT NULL,
  "applied_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "directory_seeds_pkey" PRIMARY KEY ("digest")
);

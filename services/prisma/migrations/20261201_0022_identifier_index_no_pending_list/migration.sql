-- The identifiers index (migration 0005) without GIN's pending list. With fastupdate on, new
-- entries wait in an unsorted list until a vacuum merges them, and every search reads that whole
-- list: a bulk load fills it (up to 4 MB), and the correlation of each received batch (1,000
-- pseudonyms probed at once) then took about a second at 6,000 alerts, growing with every batch,
-- against 2 to 4 ms once merged (measured on PostgreSQL 15). Entries now go into the index as
-- they are written: a batch of 500 received alerts costs some milliseconds more to insert.
ALTER INDEX "alerts_identifiers_idx" SET (fastupdate = off);
-- What already waits in the list is merged now, not at the next vacuum.
SELECT gin_clean_pending_list('alerts_identifiers_idx'::regclass);

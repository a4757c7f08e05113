-- Directory search (issue 14). Free text: every word of a search is one `search_text LIKE '%word%'`
-- (directory-store.ts), which a B-tree cannot serve and which read every live row's text. A GIN
-- index of the text's trigrams (pg_trgm) finds the rows holding all of a word's trigrams; the LIKE
-- then confirms each, so matching stays exactly what it was (folded words, anywhere in the text).
-- pg_trgm ships with PostgreSQL's contrib (Debian's postgresql package) and with PGlite, which
-- loads it at start (embedded-postgres.ts); it is a trusted extension, so the database's owner
-- may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "directory_entries_search_text_idx" ON "directory_entries" USING GIN ("search_text" gin_trgm_ops) WHERE "retired_at" IS NULL;

-- The other filters on arrays get the GIN indexes roles and covers have had since 0007, so a
-- selective competence, language, network or route is found without reading every entry.
CREATE INDEX "directory_entries_competences_idx" ON "directory_entries" USING GIN ("competences");
CREATE INDEX "directory_entries_languages_idx" ON "directory_entries" USING GIN ("languages");
CREATE INDEX "directory_entries_networks_idx" ON "directory_entries" USING GIN ("networks");
CREATE INDEX "directory_entries_routes_idx" ON "directory_entries" USING GIN ("routes");

-- A country filter is "based, posted or covering there" (an OR over three columns): with posted_in
-- indexed too, PostgreSQL can combine the three indexes instead of reading every entry.
CREATE INDEX "directory_entries_posted_in_idx" ON "directory_entries" ("posted_in") WHERE "retired_at" IS NULL AND "posted_in" IS NOT NULL;

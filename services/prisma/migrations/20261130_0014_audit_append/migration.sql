-- Appending to the release audit in one round trip (issue 14, item 5). Every hit / no-hit check is
-- audited at every node before it is answered; in a client-side transaction the append was five
-- round trips (BEGIN, lock, read the tail, INSERT, COMMIT) and took most of a check's time at the
-- node. The writer chains the rows in the node (src/audit/audit-log.ts) from the tail it believes
-- current and hands them here: under the chain's lock, and reading the tail afresh after taking it
-- (a VOLATILE function's statements each see what was committed before them), the rows go in only
-- if that tail is still the chain's. Otherwise nothing is written and the tail found is answered,
-- for the writer to chain again from it. The one INSERT into "audit_log" is this one.
CREATE FUNCTION "audit_append"("expected_tail" TEXT, "entries" JSONB) RETURNS TEXT
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  "tail" TEXT;
BEGIN
  -- The same lock as every append takes (0x636f7272, "corr"): the chain has one tail.
  PERFORM pg_advisory_xact_lock(1668248178);
  SELECT "hash" INTO "tail" FROM "audit_log" ORDER BY "seq" DESC LIMIT 1;
  "tail" := COALESCE("tail", repeat('0', 64));
  IF "tail" <> "expected_tail" THEN
    RETURN "tail";
  END IF;
  -- WITH ORDINALITY keeps the order the rows were chained in for their seq.
  INSERT INTO "audit_log" ("at", "channel", "agency", "subject", "resource", "items", "rule", "policy_version", "prev_hash", "hash")
  SELECT (e->>'at')::timestamptz, e->>'channel', e->>'agency', e->>'subject', e->>'resource', e->'items', e->>'rule',
    (e->>'policy_version')::integer, e->>'prev_hash', e->>'hash'
  FROM jsonb_array_elements("entries") WITH ORDINALITY AS t(e, n)
  ORDER BY n;
  RETURN NULL;
END;
$$;

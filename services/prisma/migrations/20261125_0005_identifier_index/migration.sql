-- Hit / no hit: "does any alert held here carry this pseudonym?" must be one indexed lookup, with a
-- million pseudonyms per node. A GIN index over the alert's identifiers answers containment
-- queries (document->'identifiers' @> '[{"pseudonym": "…"}]') on the current revision directly,
-- so there is no second copy of the identifiers to keep in step with amendments.
CREATE INDEX "alerts_identifiers_idx" ON "alerts" USING GIN (("document" -> 'identifiers') jsonb_path_ops);

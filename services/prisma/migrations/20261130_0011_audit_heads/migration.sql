-- Heads of partners' release audits (issue 11, part 5): each partner signs the head of its audit
-- chain (proto audit-head.ts) and sends it here; this node keeps every head it received, with the
-- signed JWS as the evidence. A partner that later serves a chain without a head kept here, or two
-- partners holding different hashes for one row, is found by that agency's verifyAuditLog. Two
-- heads with one (agency, seq) and different hashes are both kept: together they are the proof.
CREATE TABLE "audit_heads" (
  "agency" TEXT NOT NULL,
  "seq" BIGINT NOT NULL,
  "hash" TEXT NOT NULL,
  "at" TIMESTAMPTZ(3) NOT NULL,
  "jws" TEXT NOT NULL,
  "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("agency", "seq", "hash")
);

-- Consultations and formal requests (issue 7): every event of a consultation, sent or received,
-- signed by the agency that wrote it (proto consultation.ts). Both parties keep all of them; the
-- thread, the requests and their histories are folded from the events, so a replay or an event
-- delivered twice changes nothing. `published` is false for what stays here (a request's draft).
CREATE TABLE "consultation_events" (
  "id" UUID NOT NULL PRIMARY KEY,
  "consultation_id" UUID NOT NULL,
  "type" TEXT NOT NULL,
  "from_agency" TEXT NOT NULL,
  "to_agency" TEXT NOT NULL,
  "at" TIMESTAMPTZ(3) NOT NULL,
  "document" JSONB NOT NULL,
  "published" BOOLEAN NOT NULL DEFAULT true,
  "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "consultation_events_consultation_idx" ON "consultation_events" ("consultation_id", "at");

-- Protection notices (issue 7, protection first): an alert or a consultation flagged a vulnerable
-- person. The notice names the need and whom it was brought to, never a person: no identifier,
-- no name, nothing that could mark a migrant as a suspect.
CREATE TABLE "protection_notices" (
  "id" UUID NOT NULL PRIMARY KEY,
  "source" TEXT NOT NULL,
  "source_id" UUID NOT NULL,
  "origin_agency" TEXT NOT NULL,
  "country" TEXT NOT NULL,
  "flags" TEXT[] NOT NULL,
  "contacts" JSONB NOT NULL,
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE ("source", "source_id")
);
CREATE INDEX "protection_notices_at_idx" ON "protection_notices" ("at");

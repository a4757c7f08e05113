-- Correlations: an alert held here shares a pseudonym with another agency's alert (the same
-- document, person, phone or vessel seen by two agencies). Kept both ways when both alerts are
-- held here; a partner's signed notice adds the pair for one of this agency's own alerts.
CREATE TABLE "correlations" (
  "alert_id" UUID NOT NULL,
  "other_alert_id" UUID NOT NULL,
  "other_agency" TEXT NOT NULL,
  "kinds" JSONB NOT NULL,
  "found_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("alert_id", "other_alert_id")
);

-- TAXII pages walk this agency's exportable alerts in the order their current revision was stored
-- (alerts/alert-store.ts, exportableAlerts): without an index on that order every page sorted
-- every revision held, so a client's walk of the collection grew with the square of its size.
CREATE INDEX "alert_revisions_recorded_at_alert_id_idx" ON "alert_revisions" ("recorded_at", "alert_id");

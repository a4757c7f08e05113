-- When each officer last opened the page showing each kind of activity (issue 15, "Nothing
-- missed"): the console's counts are what arrived after these marks, read from the tables that
-- hold the items, so a restart of the node or of the console loses no count. Keyed by the
-- token's subject, as route subscriptions are.
CREATE TABLE "activity_seen" (
  "subject" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "activity_seen_pkey" PRIMARY KEY ("subject", "kind")
);

-- The counts read events and alerts stored after a mark.
CREATE INDEX "consultation_events_recorded_at_idx" ON "consultation_events" ("recorded_at");
CREATE INDEX "alerts_received_at_idx" ON "alerts" ("received_at");

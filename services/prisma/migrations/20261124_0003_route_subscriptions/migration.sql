-- Each officer's route subscription (proto routeSubscription), kept at their own node, and which
-- alerts they have read: what matched while they were away shows unread when they return.
CREATE TABLE "subscriptions" (
  "subject" TEXT NOT NULL PRIMARY KEY,
  "filter" JSONB NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "alert_reads" (
  "subject" TEXT NOT NULL,
  "alert_id" UUID NOT NULL,
  "read_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("subject", "alert_id")
);

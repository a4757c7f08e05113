-- Retention of consultations and held publications (issue 17, item 4). A purged consultation's
-- or alert's tombstone keeps what the statistics count it by (a consultation's requests' types,
-- statuses and times; the protection notices' months, needs and countries; codes and instants, no
-- person and no text), so that a purge changes no month already reported.
ALTER TABLE "purge_tombstones" ADD COLUMN "figures" JSONB;

-- Poison messages end once (issue 11): the quarantine keeps whatever bytes arrived, exactly as they
-- arrived (PostgreSQL refuses NUL in text, so a text column could not hold them and the message was
-- redelivered for ever), with where it sat in the stream. One row per stream message: a message
-- delivered again after its row was written (the node stopped before terminating it) adds nothing.
ALTER TABLE "quarantine" ALTER COLUMN "payload" TYPE BYTEA USING convert_to("payload", 'UTF8');
ALTER TABLE "quarantine" ADD COLUMN "stream" TEXT;
ALTER TABLE "quarantine" ADD COLUMN "stream_seq" BIGINT;
ALTER TABLE "quarantine" ADD COLUMN "deliveries" INTEGER NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX "quarantine_stream_seq_key" ON "quarantine" ("stream", "stream_seq");

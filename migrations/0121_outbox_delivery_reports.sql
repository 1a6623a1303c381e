-- What a channel's delivery report last said of a message it accepted:
-- delivered, failed or pending, in the channel's words, and when. A report
-- only informs: the email fallback was settled when the channel accepted.
ALTER TABLE emails ADD COLUMN delivery TEXT NOT NULL DEFAULT '';
ALTER TABLE emails ADD COLUMN delivery_detail TEXT NOT NULL DEFAULT '';
ALTER TABLE emails ADD COLUMN delivery_at TIMESTAMP;

-- The delivery log used to keep every request header as sent, custom
-- headers included, whose values are often credentials such as
-- "Authorization: Bearer ...". The log now keeps Portico's own headers
-- as sent and masks the custom ones; mask those already logged too.
UPDATE webhook_attempts SET request_headers = (
    SELECT json_group_object(key, CASE
        WHEN key IN ('Content-Type', 'User-Agent', 'Webhook-Id', 'Webhook-Timestamp', 'Webhook-Signature') THEN value
        ELSE '••••••' END)
    FROM json_each(webhook_attempts.request_headers))
WHERE request_headers <> '{}';

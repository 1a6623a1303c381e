-- A one-time link ends early when the recovery it offers stops being its
-- holder's to take: the address it was sent to left the contact, the
-- password changed (by any route), the contact signed out everywhere, or
-- the contact was blocked or deleted. The change and the end of its
-- links commit together; revoked_why says which change it was, for the
-- page the link's holder then sees.
ALTER TABLE activation_tokens ADD COLUMN revoked_at TIMESTAMP;
ALTER TABLE activation_tokens ADD COLUMN revoked_why TEXT NOT NULL DEFAULT ''
    CHECK (revoked_why IN ('', 'address_removed', 'password_changed', 'signed_out', 'account_closed'));

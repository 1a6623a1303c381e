-- A contact's addresses on the notification channels that plugins add,
-- one per address kind (an XMPP chat id, say), as the channel wrote it
-- when it checked the address. The "phone" kind is the contact's mobile
-- number, kept in contacts.mobile, so it has no row here.
CREATE TABLE contact_channel_addresses (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    address    TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (contact_id, kind)
);

-- Portico's first schema: agents and their sessions, contacts, companies,
-- tags and the audit trail. Timestamps are UTC; booleans are TRUE/FALSE so
-- the same statements run on PostgreSQL.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE agents (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    email             TEXT NOT NULL,
    email_norm        TEXT NOT NULL UNIQUE,
    password_hash     TEXT NOT NULL DEFAULT '',
    role              TEXT NOT NULL CHECK (role IN ('admin', 'agent')),
    active            BOOLEAN NOT NULL DEFAULT TRUE,
    invite_hash       TEXT UNIQUE,
    invite_expires_at TIMESTAMP,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL
);

CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    agent_id     INTEGER NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    created_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    ip           TEXT NOT NULL DEFAULT '',
    user_agent   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_agent ON sessions (agent_id);

CREATE TABLE companies (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    name_norm    TEXT NOT NULL UNIQUE,
    description  TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    health_score TEXT NOT NULL DEFAULT '',
    account_tier TEXT NOT NULL DEFAULT '',
    renewal_date TEXT NOT NULL DEFAULT '',
    industry     TEXT NOT NULL DEFAULT '',
    -- Kept by triggers (below), so lists never count memberships.
    live_contacts INTEGER NOT NULL DEFAULT 0,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);

-- A domain may be listed on several companies; a contact is linked
-- automatically only when its domain is listed on exactly one.
CREATE TABLE company_domains (
    company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    domain     TEXT NOT NULL,
    PRIMARY KEY (company_id, domain)
);
CREATE INDEX company_domains_domain ON company_domains (domain);

-- AUTOINCREMENT: an id is never reused, so a merged-away contact's
-- redirect and an erased contact's audit entry never meet a newcomer.
CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    sort_name   TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'unverified'
                CHECK (state IN ('unverified', 'verified', 'blocked', 'deleted')),
    job_title   TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    mobile      TEXT NOT NULL DEFAULT '',
    language    TEXT NOT NULL DEFAULT '',
    time_zone   TEXT NOT NULL DEFAULT '',
    external_id TEXT,
    about       TEXT NOT NULL DEFAULT '',
    company_id  INTEGER REFERENCES companies (id) ON DELETE SET NULL,
    verified_at TIMESTAMP,
    blocked_at  TIMESTAMP,
    deleted_at  TIMESTAMP,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX contacts_external_id ON contacts (external_id) WHERE external_id IS NOT NULL;
-- One index per (view, sort): a view is a state, or every live contact.
-- Sorting by creation follows the rowid, which every index carries.
CREATE INDEX contacts_state ON contacts (state);
CREATE INDEX contacts_state_name ON contacts (state, sort_name);
CREATE INDEX contacts_state_updated ON contacts (state, updated_at);
CREATE INDEX contacts_live_name ON contacts (sort_name) WHERE state <> 'deleted';
CREATE INDEX contacts_live_updated ON contacts (updated_at) WHERE state <> 'deleted';

-- Every address is unique across contacts; the store also checks agents.
CREATE TABLE contact_emails (
    id         INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    email      TEXT NOT NULL,
    email_norm TEXT NOT NULL UNIQUE,
    domain     TEXT NOT NULL,
    is_primary BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX contact_emails_contact ON contact_emails (contact_id);
-- Lets a domain newly added to a company find the contacts it matches.
CREATE INDEX contact_emails_domain ON contact_emails (domain);

CREATE TABLE contact_companies (
    contact_id       INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    company_id       INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    view_all_tickets BOOLEAN NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMP NOT NULL,
    PRIMARY KEY (contact_id, company_id)
);
CREATE INDEX contact_companies_company ON contact_companies (company_id, contact_id);

-- A company's count of live (not deleted) contacts. When a contact row is
-- deleted its memberships go by cascade after the row is gone, which the
-- BEFORE DELETE trigger accounts for; the membership triggers then find no
-- contact and change nothing.
CREATE TRIGGER members_count_insert AFTER INSERT ON contact_companies
WHEN (SELECT state FROM contacts WHERE id = NEW.contact_id) <> 'deleted' BEGIN
    UPDATE companies SET live_contacts = live_contacts + 1 WHERE id = NEW.company_id;
END;
CREATE TRIGGER members_count_delete AFTER DELETE ON contact_companies
WHEN (SELECT state FROM contacts WHERE id = OLD.contact_id) <> 'deleted' BEGIN
    UPDATE companies SET live_contacts = live_contacts - 1 WHERE id = OLD.company_id;
END;
CREATE TRIGGER members_count_move AFTER UPDATE OF contact_id ON contact_companies BEGIN
    UPDATE companies SET live_contacts = live_contacts
        - coalesce((SELECT state <> 'deleted' FROM contacts WHERE id = OLD.contact_id), 0)
        + coalesce((SELECT state <> 'deleted' FROM contacts WHERE id = NEW.contact_id), 0)
    WHERE id = NEW.company_id;
END;
CREATE TRIGGER members_count_contact_delete BEFORE DELETE ON contacts
WHEN OLD.state <> 'deleted' BEGIN
    UPDATE companies SET live_contacts = live_contacts - 1
    WHERE id IN (SELECT company_id FROM contact_companies WHERE contact_id = OLD.id);
END;
CREATE TRIGGER members_count_state AFTER UPDATE OF state ON contacts
WHEN (OLD.state = 'deleted') <> (NEW.state = 'deleted') BEGIN
    UPDATE companies SET live_contacts = live_contacts + CASE WHEN NEW.state = 'deleted' THEN -1 ELSE 1 END
    WHERE id IN (SELECT company_id FROM contact_companies WHERE contact_id = NEW.id);
END;

CREATE TABLE tags (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    name_norm TEXT NOT NULL UNIQUE
);

CREATE TABLE contact_tags (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, tag_id)
);
CREATE INDEX contact_tags_tag ON contact_tags (tag_id, contact_id);

-- A merged-away contact's URL keeps working: it redirects to the survivor.
CREATE TABLE contact_redirects (
    old_id INTEGER PRIMARY KEY,
    new_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE
);

-- View counts are kept by triggers, so the list never counts a million rows.
CREATE TABLE contact_counts (
    state TEXT PRIMARY KEY,
    n     INTEGER NOT NULL
);
INSERT INTO contact_counts (state, n) VALUES
    ('unverified', 0), ('verified', 0), ('blocked', 0), ('deleted', 0);

CREATE TRIGGER contacts_count_insert AFTER INSERT ON contacts BEGIN
    UPDATE contact_counts SET n = n + 1 WHERE state = NEW.state;
END;
CREATE TRIGGER contacts_count_delete AFTER DELETE ON contacts BEGIN
    UPDATE contact_counts SET n = n - 1 WHERE state = OLD.state;
END;
CREATE TRIGGER contacts_count_update AFTER UPDATE OF state ON contacts
WHEN OLD.state <> NEW.state BEGIN
    UPDATE contact_counts SET n = n - 1 WHERE state = OLD.state;
    UPDATE contact_counts SET n = n + 1 WHERE state = NEW.state;
END;

-- The search document of each contact (rowid = contact id): names, every
-- address, phones, company names and the external id, written by the store.
-- Searches match words by prefix and never by phrase, so the index keeps
-- no positions (detail = none): a third smaller, and faster to write.
CREATE VIRTUAL TABLE contacts_fts USING fts5 (
    doc,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3',
    detail = none
);

CREATE TABLE audit_entries (
    id           INTEGER PRIMARY KEY,
    subject_type TEXT NOT NULL,
    subject_id   INTEGER NOT NULL,
    actor_id     INTEGER REFERENCES agents (id) ON DELETE SET NULL,
    actor_name   TEXT NOT NULL,
    action       TEXT NOT NULL,
    changes      TEXT NOT NULL DEFAULT '[]',
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX audit_entries_subject ON audit_entries (subject_type, subject_id, id);

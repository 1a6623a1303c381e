-- Whether a ticket was submitted by a customer signed in to the portal,
-- or by a visitor who only typed an address (Admin > Portal settings:
-- Everyone may submit). Anyone can type anyone's address, so the portal
-- and the agents label the second kind.
ALTER TABLE tickets ADD COLUMN submitted_signed_in BOOLEAN NOT NULL DEFAULT TRUE;

-- Tickets already submitted without signing in are known by their
-- timeline entry, which the portal itself, not the customer, wrote.
UPDATE tickets SET submitted_signed_in = FALSE WHERE EXISTS (
    SELECT 1 FROM audit_entries a
    WHERE a.action = 'opened_ticket' AND a.actor_id IS NULL AND a.actor_name = 'Customer portal'
      AND a.changes LIKE ('%"to":"#' || tickets.id || ' %'));

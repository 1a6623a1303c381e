package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// CreateTicket raises a ticket for a contact, stamped with the contact's
// default company, and notes it on the contact's timeline.
func (s *Store) CreateTicket(ctx context.Context, actor model.Actor, t model.NewTicket) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.insertTicket(ctx, tx, actor, t)
		return err
	})
	return id, err
}

func (s *Store) insertTicket(ctx context.Context, tx *sql.Tx, actor model.Actor, t model.NewTicket) (int64, error) {
	var company sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT company_id FROM contacts WHERE id = $1`, t.ContactID).Scan(&company); err != nil {
		return 0, notFound(err, "contact", t.ContactID)
	}
	var id int64
	now := s.Now()
	err := tx.QueryRowContext(ctx, `INSERT INTO tickets (contact_id, company_id, subject, description, status, created_at, updated_at, submitted_signed_in)
		VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id`,
		t.ContactID, company, t.Subject, t.Description, model.TicketOpen, now, t.SignedIn).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: insert ticket: %w", err)
	}
	if err := s.writeAudit(ctx, tx, actor, "contact", t.ContactID, "opened_ticket",
		[]model.Change{{Field: "ticket", To: fmt.Sprintf("#%d %s", id, t.Subject)}}); err != nil {
		return 0, err
	}
	snap, err := ticketOne(ctx, tx, id)
	if err != nil {
		return 0, err
	}
	return id, s.WriteEventTx(ctx, tx, events.TicketCreated{Ticket: events.TicketOf(snap)})
}

// RequestOutcome is what a TicketRequest did. TicketID is 0 when the
// request was dropped: the address belongs to an agent, or to a blocked
// or deleted contact.
type RequestOutcome struct {
	ContactID  int64
	TicketID   int64
	NewContact bool
}

// SubmitRequest raises a ticket from a visitor who is not signed in, in
// one transaction: the contact holding the address (any of its
// addresses) raises it, or a new unverified contact does; the email
// confirming it is queued with it.
func (s *Store) SubmitRequest(ctx context.Context, actor model.Actor, req model.TicketRequest) (RequestOutcome, error) {
	var out RequestOutcome
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var ok bool
		var err error
		if out.ContactID, out.NewContact, ok, err = s.requester(ctx, tx, actor, req.Name, req.Email); err != nil || !ok {
			return err
		}
		t := model.NewTicket{ContactID: out.ContactID, Subject: req.Subject, Description: req.Description, SignedIn: false}
		if out.TicketID, err = s.insertTicket(ctx, tx, actor, t); err != nil {
			return err
		}
		if req.Mail == nil {
			return nil
		}
		m := *req.Mail
		m.ContactID = out.ContactID
		_, err = s.QueueEmailTx(ctx, tx, m)
		return err
	})
	return out, err
}

// EnsureRequester finds the contact holding an address or creates an
// unverified one, for portal sign-up. ok is false when the address
// belongs to an agent, or to a blocked or deleted contact.
func (s *Store) EnsureRequester(ctx context.Context, actor model.Actor, name, email string) (id int64, created, ok bool, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		id, created, ok, err = s.requester(ctx, tx, actor, name, email)
		return err
	})
	return id, created, ok, err
}

// requester resolves an address to its contact, creating it when nobody
// holds the address. The writer connection is single, so two requests
// with one new address cannot both create a contact.
func (s *Store) requester(ctx context.Context, tx *sql.Tx, actor model.Actor, name, email string) (int64, bool, bool, error) {
	var taken *model.EmailTakenError
	err := emailFree(ctx, tx, NormEmail(email), 0)
	switch {
	case errors.As(err, &taken) && taken.ContactID == 0:
		return 0, false, false, nil
	case errors.As(err, &taken):
		var st model.State
		if err := tx.QueryRowContext(ctx, `SELECT state FROM contacts WHERE id = $1`, taken.ContactID).Scan(&st); err != nil {
			return 0, false, false, notFound(err, "contact", taken.ContactID)
		}
		live := st == model.StateVerified || st == model.StateUnverified
		return taken.ContactID, false, live, nil
	case err != nil:
		return 0, false, false, err
	}
	id, err := s.insertContact(ctx, tx, NewContact{Fields: model.ContactFields{Name: name}, Emails: []string{email}})
	if err != nil {
		return 0, false, false, err
	}
	if err := s.writeAudit(ctx, tx, actor, "contact", id, "created", nil); err != nil {
		return 0, false, false, err
	}
	err = s.contactEvent(ctx, tx, id, func(c events.Contact) events.Payload { return events.ContactCreated{Contact: c} })
	return id, true, true, err
}

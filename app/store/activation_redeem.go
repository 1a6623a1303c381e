package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// linkRow is a stored link with what decides whether it still works.
type linkRow struct {
	model.Link
	usedAt, supersededAt *time.Time
	endedWhy             model.LinkEnd
	state                model.State
}

// loadLink reads the link of a purpose with this token hash; a link of
// another purpose is not found, as an unknown one is.
func (s *Store) loadLink(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, tokenHash string, purpose model.LinkPurpose) (*linkRow, error) {
	var l linkRow
	err := q.QueryRowContext(ctx, `SELECT t.contact_id, c.name, t.email, t.purpose, t.created_at, t.expires_at, t.used_at, t.superseded_at, t.revoked_why, c.state
		FROM activation_tokens t JOIN contacts c ON c.id = t.contact_id WHERE t.token_hash = $1 AND t.purpose = $2`, tokenHash, purpose).Scan(
		&l.ContactID, &l.ContactName, &l.Email, &l.Purpose, &l.CreatedAt, &l.ExpiresAt, &l.usedAt, &l.supersededAt, &l.endedWhy, &l.state)
	if err != nil {
		return nil, notFound(err, string(purpose)+" link", "")
	}
	return &l, nil
}

// check says why a link no longer works, or nil. A blocked or deleted
// contact's links do not work either, whatever else is true of them: a
// new link would not help. A link ended early says what ended it.
func (l *linkRow) check(now time.Time) error {
	switch {
	case l.state == model.StateBlocked || l.state == model.StateDeleted:
		return fmt.Errorf("store: link of a %s contact: %w", l.state, model.ErrLinkAccountClosed)
	case l.usedAt != nil:
		return model.ErrLinkUsed
	case l.supersededAt != nil:
		return model.ErrLinkSuperseded
	case l.endedWhy != "":
		return &model.LinkEndedError{Why: l.endedWhy}
	case !now.Before(l.ExpiresAt):
		return model.ErrLinkExpired
	}
	return nil
}

// Link returns the working link of a purpose with this token hash. A
// link that no longer works is ErrLinkUsed, ErrLinkSuperseded or
// ErrLinkExpired, one of a blocked or deleted contact
// ErrLinkAccountClosed, and an unknown one, or one of another purpose,
// ErrNotFound: each page accepts only its own links.
func (s *Store) Link(ctx context.Context, tokenHash string, purpose model.LinkPurpose) (*model.Link, error) {
	l, err := s.loadLink(ctx, s.r, tokenHash, purpose)
	if err != nil {
		return nil, err
	}
	if err := l.check(s.Now()); err != nil {
		return nil, err
	}
	return &l.Link, nil
}

// RedeemLink uses a working link of the given purpose, in one
// transaction: the link is consumed, the password set when passwordHash
// is not empty, and an unverified contact becomes verified, recording
// when and how; notify, when not nil, is queued with it. It returns the
// contact's id.
func (s *Store) RedeemLink(ctx context.Context, tokenHash string, purpose model.LinkPurpose, how model.VerifiedHow, passwordHash string, notify []model.NewMail) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		l, err := s.loadLink(ctx, tx, tokenHash, purpose)
		if err != nil {
			return err
		}
		if err := l.check(s.Now()); err != nil {
			return err
		}
		id = l.ContactID
		if _, err := tx.ExecContext(ctx, `UPDATE activation_tokens SET used_at = $1 WHERE token_hash = $2`, s.Now(), tokenHash); err != nil {
			return fmt.Errorf("store: use link: %w", err)
		}
		if err := s.redactEndedLinks(ctx, tx, id); err != nil {
			return err
		}
		if passwordHash != "" {
			if err := s.setPassword(ctx, tx, id, passwordHash); err != nil {
				return err
			}
		}
		if len(notify) > 0 {
			if _, err := s.QueueMessagesTx(ctx, tx, notify); err != nil {
				return err
			}
		}
		if l.state != model.StateUnverified {
			return nil
		}
		return s.verify(ctx, tx, model.Actor{Name: l.ContactName}, id, how)
	})
	return id, err
}

// verify marks an unverified contact verified, saying how, and writes
// contact.verified in the same transaction: every way a contact can be
// verified (a password, a passkey, an admin) comes through here, so
// none can forget the event.
func (s *Store) verify(ctx context.Context, tx *sql.Tx, actor model.Actor, id int64, how model.VerifiedHow) error {
	now := s.Now()
	if _, err := tx.ExecContext(ctx, `UPDATE contacts SET state = 'verified', verified_at = $1, updated_at = $1
		WHERE id = $2 AND state = 'unverified'`, now, id); err != nil {
		return fmt.Errorf("store: verify contact %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO portal_accounts (contact_id, verified_how) VALUES ($1, $2)
		ON CONFLICT (contact_id) DO UPDATE SET verified_how = excluded.verified_how`, id, how); err != nil {
		return fmt.Errorf("store: record how %d verified: %w", id, err)
	}
	if err := s.writeAudit(ctx, tx, actor, "contact", id, "verified", []model.Change{
		{Field: "state", From: string(model.StateUnverified), To: string(model.StateVerified)},
		{Field: "verified by", To: string(how)}}); err != nil {
		return err
	}
	return s.contactEvent(ctx, tx, id, func(c events.Contact) events.Payload {
		return events.ContactVerified{Contact: c, Method: string(how), VerifiedAt: now.UTC()}
	})
}

// setPassword stores a contact's new password hash, signs the contact
// out of every portal session, which the old password may have opened,
// and ends the contact's pending links, which would undo the change.
// Every way a password is set comes through here.
func (s *Store) setPassword(ctx context.Context, tx *sql.Tx, id int64, hash string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM portal_sessions WHERE contact_id = $1`, id); err != nil {
		return fmt.Errorf("store: end portal sessions of %d: %w", id, err)
	}
	if err := s.endLinks(ctx, tx, id, model.LinkEndPasswordChanged); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO portal_accounts (contact_id, password_hash, password_set_at) VALUES ($1, $2, $3)
		ON CONFLICT (contact_id) DO UPDATE SET password_hash = excluded.password_hash, password_set_at = excluded.password_set_at`,
		id, hash, s.Now())
	if err != nil {
		return fmt.Errorf("store: set password of %d: %w", id, err)
	}
	return nil
}

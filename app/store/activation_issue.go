package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// IssueLinks stores one-time links and queues the emails carrying them,
// all in one transaction. A link is skipped, and its email not queued,
// when its contact changed since the email was composed: its primary
// address is no longer the one written to, or its state no longer calls
// for that link (activation for unverified contacts, a password reset
// for verified ones). Each link sent supersedes the contact's earlier
// unused links. It returns the contacts sent to.
func (s *Store) IssueLinks(ctx context.Context, actor model.Actor, links []model.NewLink) ([]int64, error) {
	return s.issueLinks(ctx, actor, links, nil)
}

// IssueLinksStep issues links as IssueLinks does, as a step of a job:
// the job's checkpoint moves to step.To, and its progress becomes
// progress(sent), in the same transaction. A resumed job thus never
// sends a batch twice, nor skips one. When the job is no longer the
// step's owner's, nothing is written and ErrLeaseLost is returned.
func (s *Store) IssueLinksStep(ctx context.Context, actor model.Actor, links []model.NewLink, step *JobStep,
	progress func(sent []int64) string) ([]int64, error) {
	return s.issueLinks(ctx, actor, links, func(tx *sql.Tx, sent []int64) error {
		step.Progress = progress(sent)
		return s.stepJob(ctx, tx, step)
	})
}

// issueLinks issues links in one transaction, then runs then, when it is
// not nil, in that transaction.
func (s *Store) issueLinks(ctx context.Context, actor model.Actor, links []model.NewLink,
	then func(tx *sql.Tx, sent []int64) error) ([]int64, error) {
	var sent []int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, l := range links {
			ok, err := s.issueLink(ctx, tx, actor, l)
			if err != nil {
				return err
			}
			if ok {
				sent = append(sent, l.ContactID)
			}
		}
		if len(sent) > 0 {
			if err := s.scheduleDelivery(ctx, tx, s.Now()); err != nil {
				return err
			}
		}
		if then == nil {
			return nil
		}
		return then(tx, sent)
	})
	if err != nil {
		return nil, err
	}
	return sent, nil
}

func (s *Store) issueLink(ctx context.Context, tx *sql.Tx, actor model.Actor, l model.NewLink) (bool, error) {
	want := model.StateUnverified
	if l.Purpose == model.LinkPasswordReset {
		want = model.StateVerified
	}
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM contacts c LEFT JOIN contact_emails e ON e.contact_id = c.id AND e.is_primary
		WHERE c.id = $1 AND c.state = $2 AND coalesce(e.email, '') = $3`, l.ContactID, want, l.Email).Scan(&n)
	if err != nil || n == 0 {
		return false, wrapErr(err, "check link target", l.ContactID)
	}
	now := s.Now()
	if _, err := tx.ExecContext(ctx, `UPDATE activation_tokens SET superseded_at = $1
		WHERE contact_id = $2 AND used_at IS NULL AND superseded_at IS NULL`, now, l.ContactID); err != nil {
		return false, fmt.Errorf("store: supersede links of %d: %w", l.ContactID, err)
	}
	if err := s.redactEndedLinks(ctx, tx, l.ContactID); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO activation_tokens (token_hash, contact_id, purpose, email, created_at, expires_at, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, l.TokenHash, l.ContactID, l.Purpose, l.Email, now, l.ExpiresAt, nullableID(actor.ID)); err != nil {
		return false, fmt.Errorf("store: issue link to %d: %w", l.ContactID, err)
	}
	msgs := l.Plan
	if len(msgs) == 0 {
		msgs = []model.NewMail{l.Mail}
	}
	for i := range msgs {
		msgs[i].LinkHash = l.TokenHash
	}
	if _, err := s.QueueMessagesTx(ctx, tx, msgs); err != nil {
		return false, err
	}
	action := "activation_sent"
	if l.Purpose == model.LinkPasswordReset {
		action = "password_reset_sent"
	}
	if err := s.writeAudit(ctx, tx, actor, "contact", l.ContactID, action, linkRoute(msgs)); err != nil {
		return false, err
	}
	if l.Purpose != model.LinkActivation {
		return true, nil
	}
	return true, s.WriteEventTx(ctx, tx, events.ActivationSent{ContactID: l.ContactID, Email: l.Email, ExpiresAt: l.ExpiresAt.UTC()})
}

// wrapErr adds context to err, and leaves nil alone.
func wrapErr(err error, what string, id int64) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("store: %s %d: %w", what, id, err)
}

// linkRoute says in the timeline where a link went: to an email address,
// or to a channel's address, with the email held behind it.
func linkRoute(msgs []model.NewMail) []model.Change {
	out := make([]model.Change, 0, len(msgs))
	for _, m := range msgs {
		switch {
		case m.Channel.IsEmail() && m.Held:
			out = append(out, model.Change{Field: "email if that fails", To: m.To})
		case m.Channel.IsEmail():
			out = append(out, model.Change{Field: "email", To: m.To})
		default:
			out = append(out, model.Change{Field: cmp.Or(m.ChannelName, "channel"), To: m.To})
		}
	}
	return out
}

package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"regexp"

	"github.com/portico-hub/portico/app/model"
)

// liveLinkAt holds for an email whose one-time link still works at the
// time given as placeholder $n.
func liveLinkAt(n int) string {
	return fmt.Sprintf(`EXISTS (SELECT 1 FROM activation_tokens t WHERE t.token_hash = emails.link_hash AND t.used_at IS NULL
	AND t.superseded_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > $%d)`, n)
}

// redactLinks takes the one-time link's token out of the stored copies
// that still hold one and match where, with args. The copies keep every
// other word, so the mailbox still shows what was sent, and to whom.
func (s *Store) redactLinks(ctx context.Context, tx *sql.Tx, where string, args ...any) error {
	now := s.Now()
	rows, err := tx.QueryContext(ctx, `SELECT id, link_hash, subject, text, html FROM emails
		WHERE link_hash <> '' AND link_redacted_at IS NULL AND (`+where+`)`, args...)
	if err != nil {
		return fmt.Errorf("store: find links to redact: %w", err)
	}
	var copies []model.Mail
	for rows.Next() {
		var m model.Mail
		if err := rows.Scan(&m.ID, &m.LinkHash, &m.Subject, &m.Text, &m.HTML); err != nil {
			rows.Close()
			return fmt.Errorf("store: scan link to redact: %w", err)
		}
		copies = append(copies, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: find links to redact: %w", err)
	}
	for _, m := range copies {
		redactMail(&m)
		if _, err := tx.ExecContext(ctx, `UPDATE emails SET subject = $1, text = $2, html = $3, link_redacted_at = $4 WHERE id = $5`,
			m.Subject, m.Text, m.HTML, now, m.ID); err != nil {
			return fmt.Errorf("store: redact email %d: %w", m.ID, err)
		}
	}
	return nil
}

// redactEndedLinks redacts the copies kept in the built-in mailbox of a
// contact's links that no longer work, in the transaction that ended
// them. The copies handed to SMTP lost theirs when they went out; the
// ones still waiting to go out keep theirs until then, so the customer
// gets a link whose page says why it no longer works.
func (s *Store) redactEndedLinks(ctx context.Context, tx *sql.Tx, contactID int64) error {
	return s.redactLinks(ctx, tx, `contact_id = $1 AND state = 'sent' AND NOT `+liveLinkAt(2), contactID, s.Now())
}

// RedactDeadLinks redacts the copies kept in the built-in mailbox whose
// links no longer work, above all the expired ones, which no change
// redacts when it happens. The hourly sweep calls it; until then the
// mailbox shows them redacted anyway.
func (s *Store) RedactDeadLinks(ctx context.Context) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		return s.redactLinks(ctx, tx, `state = 'sent' AND NOT `+liveLinkAt(1), s.Now())
	})
}

// showLink hides the link of a copy that must not show it: one is shown
// only from the built-in mailbox, its delivery, while it works.
func (s *Store) showLink(ctx context.Context, m *model.Mail) error {
	if m.LinkHash == "" {
		return nil
	}
	if m.LinkRedactedAt == nil && m.State == model.MailSent && m.Transport == model.TransportMailbox {
		var live int
		err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM emails WHERE id = $1 AND `+liveLinkAt(2), m.ID, s.Now()).Scan(&live)
		if err != nil || live > 0 {
			return wrapErr(err, "link of email", m.ID)
		}
	}
	redactMail(m)
	m.LinkHidden = true
	return nil
}

// tokenRun finds the runs of characters a token is written with.
var tokenRun = regexp.MustCompile(`[A-Za-z0-9_-]+`)

// tokenLen is the length of a link's token: 256 bits in base64url.
const tokenLen = 43

// redactMail replaces the token whose SHA-256 is m.LinkHash, wherever it
// is in the subject and bodies, with model.RedactedToken. The token is
// found by its hash, so it is never kept anywhere else to look for it.
func redactMail(m *model.Mail) {
	m.Subject, m.Text, m.HTML = redact(m.Subject, m.LinkHash), redact(m.Text, m.LinkHash), redact(m.HTML, m.LinkHash)
}

func redact(body, hash string) string {
	return tokenRun.ReplaceAllStringFunc(body, func(run string) string {
		for i := 0; i+tokenLen <= len(run); i++ {
			if sum := sha256.Sum256([]byte(run[i : i+tokenLen])); hex.EncodeToString(sum[:]) == hash {
				return run[:i] + model.RedactedToken + redact(run[i+tokenLen:], hash)
			}
		}
		return run
	})
}

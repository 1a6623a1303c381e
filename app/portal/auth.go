package portal

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/notify"
	"github.com/portico-hub/portico/app/password"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/token"
)

// Service signs customers in and out.
type Service struct {
	Store      *store.Store
	Mailer     *mail.Mailer
	BaseURL    string
	SessionTTL time.Duration
	// Contacts applies a customer's profile edits under the same rules
	// as an agent's.
	Contacts *contact.Service
	// Notify routes "your password was changed" by its rule; nil sends
	// it by email.
	Notify *notify.Service
}

// RefusedError is a right password for a contact who may not use the
// portal: unverified, blocked or deleted. It is returned only once the
// password matched, so it tells nothing to someone who does not own the
// address.
type RefusedError struct {
	State model.State
	Email string
}

func (e *RefusedError) Error() string { return "portal: contact is " + string(e.State) }

// Authenticate checks an email and password. An unknown address and a
// wrong password are the same model.ErrUnauthorized and take the same
// time; a right password of a contact who is not verified is a
// *RefusedError.
func (s *Service) Authenticate(ctx context.Context, email, pw string) (*model.Customer, error) {
	l, err := s.Store.PortalLogin(ctx, email)
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		return nil, err
	}
	hash := ""
	if l != nil {
		hash = l.PasswordHash
	}
	if !password.Check(pw, hash) {
		return nil, model.ErrUnauthorized
	}
	if l.State != model.StateVerified {
		return nil, &RefusedError{State: l.State, Email: l.Email}
	}
	return &model.Customer{ID: l.ContactID, Name: l.Name, Email: l.Email}, nil
}

// StartSession opens a new session for a customer, always with a fresh
// id (no session fixation), and returns its secret token.
func (s *Service) StartSession(ctx context.Context, contactID int64, ip, userAgent string) (string, error) {
	tok := token.New()
	now := s.Store.Now()
	if len(userAgent) > 300 {
		userAgent = userAgent[:300]
	}
	err := s.Store.CreatePortalSession(ctx, model.PortalSession{IDHash: token.Hash(tok), ContactID: contactID,
		CreatedAt: now, ExpiresAt: now.Add(s.SessionTTL), IP: ip, UserAgent: userAgent})
	return tok, err
}

// Resume returns the customer of a session cookie's token, sliding its
// expiry forward at most once a minute.
func (s *Service) Resume(ctx context.Context, tok string) (*model.Customer, error) {
	sess, cu, err := s.Store.PortalSessionCustomer(ctx, token.Hash(tok))
	if err != nil {
		return nil, err
	}
	if now := s.Store.Now(); now.Sub(sess.LastSeenAt) > time.Minute {
		if err := s.Store.TouchPortalSession(ctx, sess.IDHash, now.Add(s.SessionTTL)); err != nil {
			return nil, err
		}
	}
	return cu, nil
}

// EndSession signs one session out.
func (s *Service) EndSession(ctx context.Context, tok string) error {
	return s.Store.DeletePortalSession(ctx, token.Hash(tok))
}

// AdminPassword is what an admin sets on a contact's Change password
// form.
type AdminPassword struct {
	Password string
	// Notify emails the contact that their password was changed.
	Notify bool
	// Verify also marks an unverified contact verified, since a
	// password alone does not let an unverified contact sign in.
	Verify bool
}

// ChangePassword sets a contact's portal password for an admin. The
// contact is told by email only when notify is set. A contact without
// an address cannot sign in, so it cannot be given a password.
func (s *Service) ChangePassword(ctx context.Context, actor model.Actor, contactID int64, in AdminPassword) error {
	ts, err := s.Store.LinkTargets(ctx, []int64{contactID})
	if err != nil {
		return err
	}
	if len(ts) == 0 {
		return fmt.Errorf("portal: contact %d: %w", contactID, model.ErrNotFound)
	}
	t := ts[0]
	if t.Email == "" {
		return model.Invalid("password", "This contact has no email address, so they cannot sign in to the portal. Add an address first.")
	}
	if err := password.ValidateForContact(in.Password, t.Email); err != nil {
		return err
	}
	hash, err := password.Hash(in.Password)
	if err != nil {
		return fmt.Errorf("portal: hash password: %w", err)
	}
	var m []model.NewMail
	if in.Notify {
		if m, err = s.changedMail(ctx, mail.KeyPasswordChanged, "/portal/login", t); err != nil {
			return err
		}
	}
	return s.Store.SetContactPassword(ctx, actor, contactID, hash, m, in.Verify)
}

// changedMail composes the messages of key telling a contact their
// password was changed, with a link to path: by the password changed
// rule, or the email alone without a router.
func (s *Service) changedMail(ctx context.Context, key, path string, t model.LinkTarget) ([]model.NewMail, error) {
	name, err := s.Store.PortalName(ctx)
	if err != nil {
		return nil, err
	}
	to, d := mail.Recipient{Name: t.Name, Address: t.Email, ContactID: t.ID}, mail.Data{Link: s.BaseURL + path, PortalName: name}
	if s.Notify != nil {
		return s.Notify.PlanOne(ctx, model.NotifyPasswordChanged, key, to, d)
	}
	m, err := s.Mailer.Compose(ctx, key, to, d)
	if err != nil {
		return nil, fmt.Errorf("portal: compose password changed email: %w", err)
	}
	return []model.NewMail{m}, nil
}

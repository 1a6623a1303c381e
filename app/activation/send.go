package activation

import (
	"context"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// Send emails a contact the link its state calls for: the activation
// email to an unverified contact, a password reset link to a verified
// one. A blocked or deleted contact, or one without an address, gets
// nothing and a validation error says why. It returns what was sent.
func (s *Service) Send(ctx context.Context, actor model.Actor, contactID int64) (model.LinkPurpose, error) {
	t, err := s.target(ctx, contactID)
	if err != nil {
		return "", err
	}
	purpose, err := purposeFor(t)
	if err != nil {
		return "", err
	}
	links, err := s.compose(ctx, []model.LinkTarget{*t}, purpose)
	if err != nil {
		return "", err
	}
	if len(links) == 0 {
		return "", model.Invalid("email", "This contact has no address that Admin > Notifications sends this link to: add an email address or a mobile number.")
	}
	sent, err := s.Store.IssueLinks(ctx, actor, links)
	if err != nil {
		return "", err
	}
	if len(sent) == 0 {
		return "", model.Invalid("state", "This contact changed while the email was prepared. Reload the page and try again.")
	}
	return purpose, nil
}

// SendAuto sends the activation email to a new contact when Admin > Email
// notifications' "User activation email" is on and the contact is
// unverified with an address. Contact creation calls it, and so will
// portal sign-up and a first ticket. It reports whether it sent.
func (s *Service) SendAuto(ctx context.Context, actor model.Actor, contactID int64) (bool, error) {
	on, err := s.Store.ActivationAuto(ctx)
	if err != nil || !on {
		return false, err
	}
	t, err := s.target(ctx, contactID)
	if err != nil {
		return false, err
	}
	if t.State != model.StateUnverified {
		return false, nil
	}
	sent, err := s.issue(ctx, actor, []model.LinkTarget{*t}, model.LinkActivation)
	return len(sent) == 1, err
}

func (s *Service) target(ctx context.Context, contactID int64) (*model.LinkTarget, error) {
	ts, err := s.Store.LinkTargets(ctx, []int64{contactID})
	if err != nil {
		return nil, err
	}
	if len(ts) == 0 {
		return nil, fmt.Errorf("activation: contact %d: %w", contactID, model.ErrNotFound)
	}
	return &ts[0], nil
}

// purposeFor picks the link a contact's state calls for. Whether the
// contact can be reached (by email, or a channel's address) is the
// plan's to say.
func purposeFor(t *model.LinkTarget) (model.LinkPurpose, error) {
	switch t.State {
	case model.StateUnverified:
		return model.LinkActivation, nil
	case model.StateVerified:
		return model.LinkPasswordReset, nil
	}
	return "", model.Invalid("state", fmt.Sprintf("This contact is %s: it cannot sign in to the portal.", t.State))
}

// Forgot answers "forgot my password" and "send me a new link" for an
// address: a verified contact gets a password reset link, an unverified
// one the activation email, which verifies them once used. Anyone else,
// and an unknown address, get nothing, and the caller answers the same
// way in every case, so nobody learns whether an address is known.
func (s *Service) Forgot(ctx context.Context, email string) error {
	t, err := s.Store.LinkTargetByEmail(ctx, email)
	if err != nil {
		return ignoreNotFound(err)
	}
	purpose, err := purposeFor(t)
	if err != nil || t.Email == "" {
		return nil
	}
	_, err = s.issue(ctx, model.Actor{Name: t.Name}, []model.LinkTarget{*t}, purpose)
	return err
}

// SentLately returns, of these contacts, those sent a link within
// RecentWindow, with when, so a page can say "sent 2 minutes ago" before
// an agent sends another.
func (s *Service) SentLately(ctx context.Context, ids []int64) (map[int64]time.Time, error) {
	return s.Store.LinksSentSince(ctx, ids, s.Store.Now().Add(-RecentWindow))
}

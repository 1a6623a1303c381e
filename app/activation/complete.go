package activation

import (
	"context"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/password"
	"github.com/portico-hub/portico/app/token"
)

// Lookup returns the working link of a token, for the page of its
// purpose. A link that no longer works is model.ErrLinkUsed,
// ErrLinkExpired, ErrLinkSuperseded, ErrLinkAccountClosed or a
// *model.LinkEndedError, and an unknown one, or one of another purpose,
// model.ErrNotFound.
func (s *Service) Lookup(ctx context.Context, tok string, purpose model.LinkPurpose) (*model.Link, error) {
	return s.Store.Link(ctx, token.Hash(tok), purpose)
}

// Complete finishes an activation by other means than a password, such as
// a passkey registered on the activation page: it consumes the link,
// marks the contact verified, recording when and how, and returns the
// contact's id, whom the caller signs in.
func (s *Service) Complete(ctx context.Context, tok string, how model.VerifiedHow) (int64, error) {
	return s.Store.RedeemLink(ctx, token.Hash(tok), model.LinkActivation, how, "", nil)
}

// SetPassword redeems an activation or password reset link, as purpose
// says the page that took it is for, with a new password, which must
// follow the customers' password policy. A link of another purpose does
// not work there. The link is
// consumed, an unverified contact becomes verified "by password", and the
// contact's other portal sessions end. A reset must choose a password
// other than the current one, and emails the contact that it was
// changed. It returns the contact's id.
func (s *Service) SetPassword(ctx context.Context, tok string, purpose model.LinkPurpose, pw string) (int64, error) {
	l, err := s.Lookup(ctx, tok, purpose)
	if err != nil {
		return 0, err
	}
	if err := password.Validate(pw, l.Email); err != nil {
		return 0, err
	}
	var notify []model.NewMail
	if l.Purpose == model.LinkPasswordReset {
		if notify, err = s.resetChecks(ctx, l, pw); err != nil {
			return 0, err
		}
	}
	hash, err := password.Hash(pw)
	if err != nil {
		return 0, fmt.Errorf("activation: hash password: %w", err)
	}
	return s.Store.RedeemLink(ctx, token.Hash(tok), purpose, model.VerifiedByPassword, hash, notify)
}

// resetChecks refuses a reset to the current password and composes the
// messages saying the password was changed, by the rule of its kind.
func (s *Service) resetChecks(ctx context.Context, l *model.Link, pw string) ([]model.NewMail, error) {
	current, err := s.Store.PasswordHash(ctx, l.ContactID)
	if err != nil {
		return nil, err
	}
	if password.Unchanged(pw, current) {
		return nil, model.Invalid("password", password.SameAsCurrent)
	}
	portal, err := s.Store.PortalName(ctx)
	if err != nil {
		return nil, err
	}
	to := mail.Recipient{Name: l.ContactName, Address: l.Email, ContactID: l.ContactID}
	plans, err := s.plan(ctx, model.NotifyPasswordChanged, mail.KeyPasswordChangedSelf, []mail.Recipient{to},
		func(mail.Recipient) mail.Data {
			return mail.Data{Link: s.BaseURL + "/portal/forgot", PortalName: portal}
		})
	if err != nil {
		return nil, fmt.Errorf("activation: compose password changed messages: %w", err)
	}
	return plans[0], nil
}

// Dead reports whether err means a link that no longer works, or never
// did: its page then offers to send a new one, unless the account is
// closed (model.ErrLinkAccountClosed), where a new link would not help.
func Dead(err error) bool {
	var ended *model.LinkEndedError
	return errors.Is(err, model.ErrNotFound) || errors.Is(err, model.ErrLinkUsed) ||
		errors.Is(err, model.ErrLinkExpired) || errors.Is(err, model.ErrLinkSuperseded) ||
		errors.Is(err, model.ErrLinkAccountClosed) || errors.As(err, &ended)
}

func ignoreNotFound(err error) error {
	if errors.Is(err, model.ErrNotFound) {
		return nil
	}
	return err
}

package passkey

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"

	"github.com/portico-hub/portico/app/model"
)

// BeginLogin starts a discoverable sign-in: no account is named, the
// authenticator offers the customer's passkeys for this site. The same
// options serve the "Sign in with a passkey" button and the passkeys
// offered in the email field's autofill (conditional mediation).
func (s *Service) BeginLogin(ctx context.Context) (*Begun, error) {
	assertion, sess, err := s.wa.BeginDiscoverableLogin()
	if err != nil {
		return nil, fmt.Errorf("passkey: begin login: %w", err)
	}
	return s.begin(ctx, model.CeremonyLogin, 0, sess, assertion.Response)
}

// FinishLogin verifies the browser's answer to a sign-in ceremony and
// returns the contact it signs in. It records the passkey's new signature
// counter and when it was used. A counter that did not move forward means
// a copy of the key may be in use: the passkey is flagged, and it and
// every later sign-in with it are refused with ErrCloned.
//
// It does not judge the contact's state (blocked, deleted...): that is
// the portal's sign-in rule, the same for passkeys and passwords.
func (s *Service) FinishLogin(ctx context.Context, ceremonyID string, body []byte) (int64, error) {
	_, sess, err := s.take(ctx, model.CeremonyLogin, ceremonyID)
	if err != nil {
		return 0, err
	}
	parsed, err := protocol.ParseCredentialRequestResponseBytes(body)
	if err != nil {
		return 0, refused(err)
	}
	var found []model.Passkey
	lookup := func(rawID, handle []byte) (webauthn.User, error) {
		u, ps, err := s.userByHandle(ctx, handle)
		found = ps
		return u, err
	}
	_, cred, err := s.wa.ValidatePasskeyLogin(lookup, *sess, parsed)
	if err != nil {
		return 0, refused(err)
	}
	p := match(found, cred.ID)
	if p == nil {
		return 0, refused(errors.New("verified credential is not stored"))
	}
	return p.ContactID, s.recordUse(ctx, p, cred)
}

// recordUse stores a verified sign-in's counter, or flags the passkey and
// refuses the sign-in when the counter shows a possible copy.
func (s *Service) recordUse(ctx context.Context, p *model.Passkey, cred *webauthn.Credential) error {
	if cred.Authenticator.CloneWarning {
		if !p.CloneWarning {
			if err := s.Store.FlagPasskeyClone(ctx, p); err != nil {
				return err
			}
		}
		return fmt.Errorf("passkey %d, counter %d: %w", p.ID, p.SignCount, ErrCloned)
	}
	return s.Store.RecordPasskeyUse(ctx, p.ID, cred.Authenticator.SignCount, cred.Flags.BackupState)
}

// userByHandle finds the passkeys registered under a user handle that an
// authenticator presented. An unknown handle finds no one.
func (s *Service) userByHandle(ctx context.Context, handle []byte) (*user, []model.Passkey, error) {
	ps, err := s.Store.PasskeysByHandle(ctx, b64.EncodeToString(handle))
	if err != nil {
		return nil, nil, err
	}
	if len(ps) == 0 {
		return nil, nil, errors.New("no passkey has this user handle")
	}
	u := &user{handle: handle}
	for _, p := range ps {
		cr, err := credential(p)
		if err != nil {
			return nil, nil, err
		}
		u.creds = append(u.creds, cr)
	}
	return u, ps, nil
}

func match(ps []model.Passkey, id []byte) *model.Passkey {
	for i := range ps {
		if raw, err := b64.DecodeString(ps[i].CredentialID); err == nil && bytes.Equal(raw, id) {
			return &ps[i]
		}
	}
	return nil
}

package passkey

import (
	"context"
	"crypto/rand"
	"fmt"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"

	"github.com/portico-hub/portico/app/model"
)

// BeginRegistration starts creating a passkey for contact c. The
// authenticator is told the contact's primary email as the account name,
// which is what the browser's autofill offers at sign-in, and the
// passkeys c already has, so one authenticator is not registered twice.
func (s *Service) BeginRegistration(ctx context.Context, c *model.Contact) (*Begun, error) {
	u, err := s.userOf(ctx, c)
	if err != nil {
		return nil, err
	}
	excl := make([]protocol.CredentialDescriptor, 0, len(u.creds))
	for _, cr := range u.creds {
		excl = append(excl, cr.Descriptor())
	}
	creation, sess, err := s.wa.BeginRegistration(u, webauthn.WithExclusions(excl))
	if err != nil {
		return nil, fmt.Errorf("passkey: begin registration for contact %d: %w", c.ID, err)
	}
	return s.begin(ctx, model.CeremonyRegister, c.ID, sess, creation.Response)
}

// FinishRegistration verifies the browser's answer to a registration
// ceremony begun for contactID and stores the new passkey under name, or,
// without one, under its provider's name or the browser and system of
// userAgent. The ceremony is used up even when verification fails.
func (s *Service) FinishRegistration(ctx context.Context, ceremonyID string, contactID int64, name, userAgent string, body []byte) (*model.Passkey, error) {
	if _, err := cleanName(name); err != nil {
		return nil, err
	}
	c, sess, err := s.take(ctx, model.CeremonyRegister, ceremonyID)
	if err != nil {
		return nil, err
	}
	if c.ContactID != contactID {
		return nil, ErrExpired // begun by another customer: not theirs to finish
	}
	parsed, err := protocol.ParseCredentialCreationResponseBytes(body)
	if err != nil {
		return nil, refused(err)
	}
	cred, err := s.wa.CreateCredential(&user{handle: sess.UserID}, *sess, parsed)
	if err != nil {
		return nil, refused(err)
	}
	if name, err = s.nameFor(ctx, contactID, name, cred.Authenticator.AAGUID, userAgent); err != nil {
		return nil, err
	}
	p := stored(cred, contactID, b64.EncodeToString(sess.UserID), name)
	if p.ID, err = s.Store.AddPasskey(ctx, p); err != nil {
		return nil, err
	}
	p.CreatedAt = s.Store.Now()
	return &p, nil
}

// userOf is contact c as a WebAuthn user: its user handle, created on
// first use, and every passkey it has.
func (s *Service) userOf(ctx context.Context, c *model.Contact) (*user, error) {
	handle, err := s.Store.EnsureUserHandle(ctx, c.ID, newHandle())
	if err != nil {
		return nil, err
	}
	raw, err := b64.DecodeString(handle)
	if err != nil {
		return nil, fmt.Errorf("passkey: user handle of contact %d: %w", c.ID, err)
	}
	u := &user{handle: raw, name: c.Email, displayName: c.Name}
	if u.name == "" {
		u.name = c.Name
	}
	ps, err := s.Store.Passkeys(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		cr, err := credential(p)
		if err != nil {
			return nil, err
		}
		u.creds = append(u.creds, cr)
	}
	return u, nil
}

// newHandle is a fresh user handle: 64 random bytes, the most WebAuthn
// allows, so handles can be neither guessed nor linked to contact ids.
func newHandle() string {
	b := make([]byte, 64)
	rand.Read(b)
	return b64.EncodeToString(b)
}

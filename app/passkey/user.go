package passkey

import (
	"encoding/base64"
	"fmt"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"

	"github.com/portico-hub/portico/app/model"
)

var b64 = base64.RawURLEncoding

// user is a contact as the WebAuthn library sees it: a user handle, the
// names an authenticator shows, and the passkeys registered under that
// handle.
type user struct {
	handle      []byte
	name        string
	displayName string
	creds       []webauthn.Credential
}

func (u *user) WebAuthnID() []byte                         { return u.handle }
func (u *user) WebAuthnName() string                       { return u.name }
func (u *user) WebAuthnDisplayName() string                { return u.displayName }
func (u *user) WebAuthnCredentials() []webauthn.Credential { return u.creds }

// credential turns a stored passkey into the library's credential record.
func credential(p model.Passkey) (webauthn.Credential, error) {
	id, err := b64.DecodeString(p.CredentialID)
	if err != nil {
		return webauthn.Credential{}, fmt.Errorf("passkey %d: credential id: %w", p.ID, err)
	}
	key, err := b64.DecodeString(p.PublicKey)
	if err != nil {
		return webauthn.Credential{}, fmt.Errorf("passkey %d: public key: %w", p.ID, err)
	}
	aaguid, _ := b64.DecodeString(p.AAGUID)
	c := webauthn.Credential{
		ID: id, PublicKey: key, AttestationType: p.AttestationType, AttestationFormat: p.AttestationFormat,
		Flags: webauthn.CredentialFlags{
			UserPresent: true, UserVerified: p.UserVerified, BackupEligible: p.BackupEligible, BackupState: p.BackupState,
		},
		Authenticator: webauthn.Authenticator{AAGUID: aaguid, SignCount: p.SignCount, CloneWarning: p.CloneWarning},
	}
	for _, t := range p.Transports {
		c.Transport = append(c.Transport, protocol.AuthenticatorTransport(t))
	}
	return c, nil
}

// stored turns a newly registered credential into a passkey to store.
func stored(c *webauthn.Credential, contactID int64, handle, name string) model.Passkey {
	p := model.Passkey{
		ContactID: contactID, UserHandle: handle, Name: name,
		CredentialID: b64.EncodeToString(c.ID), PublicKey: b64.EncodeToString(c.PublicKey),
		SignCount: c.Authenticator.SignCount, AAGUID: b64.EncodeToString(c.Authenticator.AAGUID),
		AttestationType: c.AttestationType, AttestationFormat: c.AttestationFormat,
		UserVerified: c.Flags.UserVerified, BackupEligible: c.Flags.BackupEligible, BackupState: c.Flags.BackupState,
	}
	for _, t := range c.Transport {
		p.Transports = append(p.Transports, string(t))
	}
	return p
}

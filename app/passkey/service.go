package passkey

import (
	"fmt"
	"net/url"
	"time"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"

	"github.com/portico-hub/portico/app/store"
)

// CeremonyTTL is how long a begun ceremony may be finished. It matches
// the timeout the browser is given, so a person who takes their time
// with a security key is not refused, and a stale challenge soon dies.
const CeremonyTTL = 5 * time.Minute

// Service runs passkey ceremonies for the portal at one origin.
type Service struct {
	Store *store.Store
	// Providers name new passkeys after their authenticator.
	Providers Providers
	wa        *webauthn.WebAuthn
}

// New configures the relying party from Portico's public base URL: its
// host is the RP ID and its origin the only origin accepted, so a
// response made for any other site is refused. name is shown by the
// browser and the authenticator, such as "Portico".
func New(st *store.Store, base *url.URL, name string) (*Service, error) {
	wa, err := webauthn.New(&webauthn.Config{
		RPID:          base.Hostname(),
		RPDisplayName: name,
		RPOrigins:     []string{base.Scheme + "://" + base.Host},
		AuthenticatorSelection: protocol.AuthenticatorSelection{
			ResidentKey:        protocol.ResidentKeyRequirementRequired,
			RequireResidentKey: protocol.ResidentKeyRequired(),
			UserVerification:   protocol.VerificationRequired,
		},
		AttestationPreference: protocol.PreferNoAttestation,
		Timeouts: webauthn.TimeoutsConfig{
			Login:        webauthn.TimeoutConfig{Timeout: CeremonyTTL, TimeoutUVD: CeremonyTTL},
			Registration: webauthn.TimeoutConfig{Timeout: CeremonyTTL, TimeoutUVD: CeremonyTTL},
		},
		// Password managers add extension outputs nobody asked for; they
		// carry nothing Portico uses, so they must not fail a ceremony.
		ExtensionsUnsolicitedOutputPolicy: protocol.UnsolicitedOutputPolicyIgnore,
	})
	if err != nil {
		return nil, fmt.Errorf("passkey: configure for %s: %w", base, err)
	}
	return &Service{Store: st, wa: wa}, nil
}

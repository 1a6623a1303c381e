package webhooks

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/portico-hub/portico/app/model"
)

// SecretRotationGrace is how long a rotated-out secret keeps signing, so
// receivers can switch to the new one without missing a webhook.
const SecretRotationGrace = 24 * time.Hour

// NewSecret returns a fresh signing secret: "whsec_" and 32 random bytes
// in base64, the Standard Webhooks format.
func NewSecret() string {
	b := make([]byte, 32)
	rand.Read(b)
	return "whsec_" + base64.StdEncoding.EncodeToString(b)
}

// signature returns the webhook-signature header: one v1 signature per
// valid secret, separated by spaces. Within the grace period after a
// rotation both secrets sign, so a receiver holding either accepts it.
func signature(ep *model.WebhookEndpoint, id string, at time.Time, body []byte, now time.Time) (string, error) {
	secrets := []string{ep.Secret}
	if ep.PreviousSecret != "" && ep.PreviousExpiresAt != nil && now.Before(*ep.PreviousExpiresAt) {
		secrets = append(secrets, ep.PreviousSecret)
	}
	sigs := make([]string, 0, len(secrets))
	for _, sec := range secrets {
		wh, err := standardwebhooks.NewWebhook(sec)
		if err != nil {
			return "", fmt.Errorf("webhooks: secret of endpoint %d: %w", ep.ID, err)
		}
		sig, err := wh.Sign(id, at, body)
		if err != nil {
			return "", fmt.Errorf("webhooks: sign for endpoint %d: %w", ep.ID, err)
		}
		sigs = append(sigs, sig)
	}
	return strings.Join(sigs, " "), nil
}

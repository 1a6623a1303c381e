package notify

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/plugins/sdk"
)

// sendOne hands one message to its channel and judges the answer.
func (d *Deliverer) sendOne(ctx context.Context, m model.Mail) *model.MailOutcome {
	id, ok := m.Channel.InstanceID()
	switch {
	case !ok:
		return failed(m, fmt.Sprintf("%q is no notification channel", m.Channel))
	case d.Plugins == nil:
		return failed(m, "plugins are off, so no channel can carry messages")
	}
	r, err := d.Plugins.Send(ctx, id, sdk.Message{Key: m.MessageID, AddressKind: m.AddressKind, Address: m.To,
		Text: m.Text, Link: linkIn(m.Text, m.LinkHash)})
	if ctx.Err() != nil {
		return nil
	}
	if err == nil {
		return &model.MailOutcome{ID: m.ID, State: model.MailSent, Transport: model.TransportChannel,
			ProviderID: r.ProviderID, Segments: r.Segments}
	}
	if errors.Is(err, pluginhost.ErrChannelUnusable) || pluginhost.Refused(err) {
		return failed(m, pluginhost.Reason(err))
	}
	// Whatever else failed (a plugin crashing or being restarted, a
	// broken configuration) is tried again with the same key, which makes
	// a retry safe, until MaxAttempts.
	_, wait := pluginhost.Retryable(err)
	return d.retry(m, pluginhost.Reason(err), wait)
}

func failed(m model.Mail, reason string) *model.MailOutcome {
	return &model.MailOutcome{ID: m.ID, State: model.MailFailed, Error: reason}
}

// retry queues a message again after a growing pause (one minute, then
// doubling up to two hours), or after the channel's own delay when that
// is longer; past MaxAttempts it fails for good.
func (d *Deliverer) retry(m model.Mail, reason string, least time.Duration) *model.MailOutcome {
	if m.Attempts >= d.MaxAttempts {
		return failed(m, fmt.Sprintf("Gave up after %d attempts: %s", m.Attempts, reason))
	}
	wait := max(min(time.Minute<<min(m.Attempts-1, 10), 2*time.Hour), least)
	return &model.MailOutcome{ID: m.ID, State: model.MailQueued, Error: reason, RetryAt: d.Store.Now().Add(wait)}
}

// linkIn finds the link in a message's text by its token's hash, so the
// channel gets it apart (a chat may show it as a button) without the
// outbox keeping the token anywhere else.
func linkIn(text, hash string) string {
	if hash == "" {
		return ""
	}
	for _, f := range strings.Fields(text) {
		for i := 0; i+tokenLen <= len(f); i++ {
			if sum := sha256.Sum256([]byte(f[i : i+tokenLen])); hex.EncodeToString(sum[:]) == hash {
				return f
			}
		}
	}
	return ""
}

// tokenLen is the length of a link's token: 256 bits in base64url.
const tokenLen = 43

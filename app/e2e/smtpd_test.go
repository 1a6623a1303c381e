package e2e

import (
	"testing"

	"github.com/portico-hub/portico/app/internal/testkit"
)

// smtpd is the tests' real SMTP server (testkit.SMTP), read as a
// customer reads their email.
type smtpd struct{ *testkit.SMTP }

func startSMTPD(t *testing.T) *smtpd { return &smtpd{testkit.StartSMTP(t)} }

// count is how many messages have arrived.
func (d *smtpd) count() int { return len(d.Messages()) }

// textTo waits for a message to address and returns its plain-text part.
func (d *smtpd) textTo(t *testing.T, address string) string {
	t.Helper()
	var m testkit.Message
	testkit.Eventually(t, pageTimeout, func() (ok bool) { m, ok = d.Find(address); return ok },
		"no email to %s reached the SMTP server", address)
	return m.Parts(t)["text/plain"]
}

package notify_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// BenchmarkOutbox measures messages per second through the whole outbox
// in one run: queued, claimed, handed over and recorded, by SMS through
// the kannel-sms plugin to a real Kannel (accepted by smsbox, the plugin's
// ledger synced to disk per message), and by email into the built-in
// mailbox, which is the outbox's own cost per message and nothing else.
func BenchmarkOutbox(b *testing.B) {
	e := newEnv(b)
	e.start(b)
	for _, c := range []struct {
		name    string
		channel model.Channel
		to      func(i int) string
	}{
		{"sms", e.sms, func(i int) string { return fmt.Sprintf("+1555%07d", i) }},
		{"mailbox", model.ChannelEmail, func(i int) string { return fmt.Sprintf("person%d@example.com", i) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			ms := make([]model.NewMail, b.N)
			for i := range ms {
				ms[i] = model.NewMail{MessageID: fmt.Sprintf("<%s-%d-%d@bench>", c.name, b.N, i), To: c.to(i),
					Text: "Acme Support: your code is 123456", Template: "bench", Channel: c.channel, AddressKind: kindOf(c.channel)}
			}
			if err := e.st.QueueEmails(context.Background(), ms); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			e.runner.Wake()
			e.settled(b)
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "messages/s")
		})
	}
}

func kindOf(c model.Channel) string {
	if c.IsEmail() {
		return model.AddressEmail
	}
	return model.AddressPhone
}

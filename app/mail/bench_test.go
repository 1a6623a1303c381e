package mail_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
)

// BenchmarkDeliver10k renders the activation email for 10,000 contacts,
// queues them in batches of 500 (as a bulk send would), and measures
// until the last one is handed to an SMTP server on loopback. It reports
// the seconds for the whole 10,000; the goal is under 30.
func BenchmarkDeliver10k(b *testing.B) {
	const n, batch = 10000, 500
	to := make([]mail.Recipient, n)
	for i := range to {
		to[i] = mail.Recipient{Name: fmt.Sprintf("Contact %d", i), Address: fmt.Sprintf("c%d@example.com", i)}
	}
	var total time.Duration
	for range b.N {
		b.StopTimer()
		d := testkit.StartSMTP(b)
		e := newEnv(b, d.URL)
		e.st.Now = func() time.Time { return time.Now().UTC() }
		ctx := context.Background()
		e.start(b)
		b.StartTimer()
		start := time.Now()
		for i := 0; i < n; i += batch {
			ms, err := e.mailer.ComposeAll(ctx, mail.KeyActivation, to[i:i+batch], func(r mail.Recipient) mail.Data { return dataFor(r.Address) })
			if err != nil {
				b.Fatal(err)
			}
			if err := e.st.QueueEmails(ctx, ms); err != nil {
				b.Fatal(err)
			}
			e.runner.Wake()
		}
		for range n {
			<-d.Arrived
		}
		total += time.Since(start)
		b.StopTimer()
		waitAllSent(b, e, n)
	}
	b.ReportMetric(total.Seconds()/float64(b.N), "s/10k")
}

// waitAllSent waits until the outbox records every email as sent.
func waitAllSent(b *testing.B, e *env, n int) {
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		counts, err := e.st.CountEmails(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		if counts[model.MailSent] == n {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	b.Fatal("not every email was recorded as sent")
}

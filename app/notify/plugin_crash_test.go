package notify_test

import (
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/model"
)

// TestPluginKilledMidBatchLosesNothing kills the kannel-sms plugin while
// it sends 300 SMS: the host restarts it, the outbox retries what was in
// flight with the same keys, and every message arrives. Only a message
// the gateway accepted in the instant before the plugin recorded it can
// arrive twice, so at most the sends in flight (Workers) do.
func TestPluginKilledMidBatchLosesNothing(t *testing.T) {
	const total, inFlight = 300, 4
	e := newEnv(t)
	ctx := context.Background()
	ms := make([]model.NewMail, total)
	for i := range ms {
		ms[i] = model.NewMail{MessageID: fmt.Sprintf("<crash-%d@test>", i), To: fmt.Sprintf("+1555%07d", i),
			Text: "Acme Support: your code is 123456", Channel: e.sms, AddressKind: model.AddressPhone}
	}
	if err := e.st.QueueEmails(ctx, ms); err != nil {
		t.Fatal(err)
	}
	e.start(t)
	testkit.Eventually(t, 30*time.Second, func() bool { return len(e.kannel.Received(t)) >= 50 }, "no SMS went out")
	st, err := e.host.Get(ctx, "kannel-sms")
	if err != nil || st.Pid == 0 {
		t.Fatalf("plugin status %+v %v", st, err)
	}
	if err := syscall.Kill(st.Pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	var c map[model.MailState]int
	testkit.Eventually(t, 60*time.Second, func() bool {
		// Once nothing is in flight, the clock passes the retries' backoff
		// (and never a sender's lease, which would count as an attempt).
		var err error
		c, err = e.st.CountEmails(ctx)
		if err == nil && c[model.MailSending] == 0 && c[model.MailQueued] > 0 {
			e.clk.Advance(2 * time.Minute)
			e.runner.Wake()
		}
		return err == nil && c[model.MailSent] == total
	}, "not every SMS was sent after the plugin was killed: %v %v", &c, failedReason{e})
	per := map[string]int{}
	testkit.Eventually(t, 10*time.Second, func() bool {
		clear(per)
		for _, s := range e.kannel.Received(t) {
			per[s.To]++
		}
		return len(per) == total
	}, "%d of %d numbers got their SMS", len(per), total)
	twice := 0
	for _, n := range per {
		twice += n - 1
	}
	if twice > inFlight {
		t.Errorf("%d SMS arrived twice, more than the %d in flight", twice, inFlight)
	}
	t.Logf("%d of %d SMS arrived twice", twice, total)
}

// failedReason shows why the first failed message failed, when a
// failure message is printed.
type failedReason struct{ e *env }

func (f failedReason) String() string {
	p, _ := f.e.st.ListEmails(context.Background(), model.MailQuery{State: model.MailFailed, PerPage: 1})
	if p == nil || len(p.Mails) == 0 {
		return ""
	}
	return p.Mails[0].LastError
}

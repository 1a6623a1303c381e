package activation_test

import (
	"context"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/model"
)

// TestBulkSendSkipsThoseSentLately sends Bob his activation email, then
// a bulk send to Bob and Amy two minutes later: Amy gets hers, Bob is
// counted as sent lately and gets no second email, unless the send is
// asked to send again; once the window has passed he is sent to again.
func TestBulkSendSkipsThoseSentLately(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	bob, amy := e.contact("Bob Lately", "bob@example.com"), e.contact("Amy Never", "amy@example.com")
	if _, err := e.svc.Send(ctx, model.Actor{Name: "Agent"}, bob); err != nil {
		t.Fatal(err)
	}
	e.clk.Advance(2 * time.Minute)
	if lately, _ := e.svc.SentLately(ctx, []int64{bob, amy}); len(lately) != 1 || lately[bob].IsZero() {
		t.Fatalf("sent lately: %v, want Bob alone", lately)
	}
	e.runJobs()
	sel := activation.Selection{IDs: []int64{bob, amy}}
	cases := []struct {
		resend bool
		after  time.Duration
		want   activation.Counts
	}{
		{false, 0, activation.Counts{Sent: 1, Recent: 1}},
		// Amy was sent to a moment ago by the first send, Bob minutes ago.
		{true, 0, activation.Counts{Sent: 2}},
		{false, activation.RecentWindow + time.Second, activation.Counts{Sent: 2}},
	}
	for i, c := range cases {
		e.clk.Advance(c.after)
		id, err := e.svc.StartBulk(ctx, ann, sel, c.resend)
		if err != nil {
			t.Fatal(err)
		}
		if p := activation.ProgressOf(e.waitJob(id)); p.Counts != c.want || p.Total != 2 {
			t.Fatalf("send %d (resend %v): %+v, want %+v of 2", i, c.resend, p, c.want)
		}
	}
	var bobs int
	e.raw().QueryRow(`SELECT count(*) FROM emails WHERE contact_id = $1`, bob).Scan(&bobs)
	if bobs != 3 {
		t.Fatalf("Bob got %d emails, want 3: his own, the resend, the one after the window", bobs)
	}
}

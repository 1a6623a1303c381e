package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// TestRecordWebhookBatch records one batch of mixed outcomes, as the
// worker writes them in one transaction: each delivery ends in its own
// state with its own status, and each attempt is logged. Claiming reads
// every delivery's event with it.
func TestRecordWebhookBatch(t *testing.T) {
	st, clk := open(t)
	ctx := context.Background()
	ep, err := st.CreateWebhookEndpoint(ctx, model.WebhookEndpoint{URL: "https://hooks.example.com", Enabled: true, Secret: "whsec_x"})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Ann", "Bo", "Cy", "Di"} {
		mustContact(t, st, name, name+"@example.com")
	}
	if _, err := st.FanOutEvents(ctx, 100); err != nil {
		t.Fatal(err)
	}
	ds, err := st.ClaimWebhookDeliveries(ctx, ep, 10, time.Minute)
	if err != nil || len(ds) != 4 {
		t.Fatalf("claimed %d, %v", len(ds), err)
	}
	for _, d := range ds {
		if len(d.Payload) == 0 || d.EventAt.IsZero() {
			t.Fatalf("delivery %d claimed without its event", d.ID)
		}
	}
	now := clk.now()
	outs := []model.WebhookOutcome{
		{Delivery: ds[0], Attempt: model.WebhookAttempt{AttemptedAt: now, Status: 200}},
		{Delivery: ds[1], Attempt: model.WebhookAttempt{AttemptedAt: now, Status: 204}},
		{Delivery: ds[2], Attempt: model.WebhookAttempt{AttemptedAt: now, Status: 500}, NextAttemptAt: now.Add(5 * time.Second)},
		{Delivery: ds[3], Attempt: model.WebhookAttempt{AttemptedAt: now, Error: "No answer within 10s."}},
	}
	if err := st.RecordWebhookAttempts(ctx, outs, nil); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		state  model.DeliveryState
		status int
	}{{model.DeliveryDelivered, 200}, {model.DeliveryDelivered, 204}, {model.DeliveryPending, 500}, {model.DeliveryFailed, 0}}
	for i, d := range ds {
		got, err := st.WebhookDelivery(ctx, ep, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.State != want[i].state || got.LastStatus != want[i].status {
			t.Errorf("delivery %d: %s %d, want %s %d", i, got.State, got.LastStatus, want[i].state, want[i].status)
		}
		if as, _ := st.WebhookAttempts(ctx, d.ID); len(as) != 1 || as[0].Status != want[i].status {
			t.Errorf("delivery %d: attempts %+v", i, as)
		}
	}
}

// TestLateFailureStartsNoStreak records a success and then a failure of
// an attempt that began before it, as a slow request recorded late is:
// the endpoint is not failing. A failure after the success is.
func TestLateFailureStartsNoStreak(t *testing.T) {
	st, clk := open(t)
	ctx := context.Background()
	ep, err := st.CreateWebhookEndpoint(ctx, model.WebhookEndpoint{URL: "https://hooks.example.com", Enabled: true, Secret: "whsec_x"})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Ann", "Bo", "Cy"} {
		mustContact(t, st, name, name+"@example.com")
	}
	if _, err := st.FanOutEvents(ctx, 100); err != nil {
		t.Fatal(err)
	}
	ds, err := st.ClaimWebhookDeliveries(ctx, ep, 10, time.Minute)
	if err != nil || len(ds) != 3 {
		t.Fatalf("claimed %d, %v", len(ds), err)
	}
	began := clk.now()
	clk.advance(time.Minute)
	steps := []struct {
		out         model.WebhookOutcome
		wantFailing bool
	}{
		{model.WebhookOutcome{Delivery: ds[0], Attempt: model.WebhookAttempt{AttemptedAt: clk.now(), Status: 200}}, false},
		{model.WebhookOutcome{Delivery: ds[1], Attempt: model.WebhookAttempt{AttemptedAt: began, Status: 500}}, false},
		{model.WebhookOutcome{Delivery: ds[2], Attempt: model.WebhookAttempt{AttemptedAt: clk.now().Add(time.Second), Status: 500}}, true},
	}
	for i, s := range steps {
		if err := st.RecordWebhookAttempts(ctx, []model.WebhookOutcome{s.out}, nil); err != nil {
			t.Fatal(err)
		}
		got, _ := st.WebhookEndpoint(ctx, ep)
		if (got.FailingNow() != nil) != s.wantFailing || (got.FailingSince != nil) != s.wantFailing {
			t.Errorf("step %d: failing since %v, last success %v", i, got.FailingSince, got.LastSuccessAt)
		}
	}
	old := model.WebhookEndpoint{FailingSince: &began, LastSuccessAt: new(time.Time)}
	*old.LastSuccessAt = began.Add(time.Minute)
	if old.FailingNow() != nil {
		t.Error("a streak recorded before the last success is shown as failing")
	}
}

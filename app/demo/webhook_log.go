package demo

import (
	"context"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// hook sends the endpoint's deliveries as the worker would, recording
// the receiver's answers.
type hook struct {
	st *store.Store
	id int64
}

// retries are when a failing delivery is tried again, after the first
// attempt; it fails for good after the last.
var retries = []time.Duration{time.Minute, 10 * time.Minute}

// send fans out the change made at at and delivers it, or, during the
// outage, tries it three times and gives up.
func (h *hook) send(ctx context.Context, at time.Time, outage bool) error {
	if err := fanOutAll(ctx, h.st); err != nil {
		return err
	}
	for k := 0; k <= len(retries); k++ {
		tried := at.Add(2 * time.Second)
		if k > 0 {
			tried = at.Add(retries[k-1] + time.Second)
		}
		h.st.Now = func() time.Time { return tried }
		ds, err := h.st.ClaimWebhookDeliveries(ctx, h.id, 10, time.Minute)
		if err != nil || len(ds) == 0 {
			return err
		}
		out := make([]model.WebhookOutcome, len(ds))
		for i, d := range ds {
			out[i] = h.outcome(d, tried, outage, k)
		}
		if err := h.st.RecordWebhookAttempts(ctx, out, nil); err != nil {
			return err
		}
		if !outage {
			return nil
		}
	}
	return nil
}

func (h *hook) outcome(d model.WebhookDelivery, tried time.Time, outage bool, k int) model.WebhookOutcome {
	a := model.WebhookAttempt{DeliveryID: d.ID, AttemptedAt: tried, Status: 200, Duration: 140 * time.Millisecond,
		RequestHeaders: map[string]string{"Content-Type": "application/json", "Webhook-Id": d.EventID},
		RequestBody:    string(d.Payload), ResponseBody: `{"ok":true}`}
	o := model.WebhookOutcome{Delivery: d, Attempt: a}
	if !outage {
		return o
	}
	o.Attempt.Status, o.Attempt.Duration, o.Attempt.ResponseBody = 502, 30*time.Second, "<html><body>502 Bad Gateway</body></html>"
	if k < len(retries) {
		o.NextAttemptAt = d.CreatedAt.Add(retries[k])
	}
	return o
}

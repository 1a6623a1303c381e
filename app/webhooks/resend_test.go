package webhooks_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/webhooks"
)

// TestResendLeavesADeliveryInFlightAlone refuses, with ErrInFlight, to
// queue again a delivery a worker is sending, and queues one that waits.
func TestResendLeavesADeliveryInFlightAlone(t *testing.T) {
	e, ctx := newEnv(t, loopback), context.Background()
	ep, _ := e.endpoint(t, "http://127.0.0.1:9/hook")
	for range 2 {
		if _, err := e.svc.SendTestEvent(ctx, ep.ID); err != nil {
			t.Fatal(err)
		}
	}
	claimed, err := e.st.ClaimWebhookDeliveries(ctx, ep.ID, 1, time.Minute)
	if err != nil || len(claimed) != 1 {
		t.Fatalf("claimed %d deliveries, %v; want 1", len(claimed), err)
	}
	sending := claimed[0].ID
	if _, err := e.svc.Resend(ctx, ep.ID, sending); !errors.Is(err, webhooks.ErrInFlight) {
		t.Fatalf("Resend(sending) = %v, want ErrInFlight", err)
	}
	if d, _, err := e.svc.Delivery(ctx, ep.ID, sending); err != nil || d.State != model.DeliverySending {
		t.Fatalf("after the refusal the delivery is %+v, %v; want it still sending", d, err)
	}
	log, err := e.svc.DeliveryLog(ctx, model.DeliveryQuery{EndpointID: ep.ID, State: model.DeliveryPending})
	if err != nil || len(log.Deliveries) != 1 {
		t.Fatalf("pending deliveries: %+v, %v; want one", log, err)
	}
	if d, err := e.svc.Resend(ctx, ep.ID, log.Deliveries[0].ID); err != nil || d.EventType == "" {
		t.Fatalf("Resend(pending) = %+v, %v; want it queued again", d, err)
	}
}

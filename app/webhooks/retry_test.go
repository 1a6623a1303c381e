package webhooks_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/webhooks"
)

// attemptsOf waits until the only delivery of an endpoint has made n
// attempts and is no longer being sent, and returns it.
func (e *env) attemptsOf(t *testing.T, endpointID int64, n int) model.WebhookDelivery {
	t.Helper()
	var d model.WebhookDelivery
	waitFor(t, "attempt to be recorded", func() bool {
		ds := e.deliveries(t, endpointID)
		if len(ds) == 0 {
			return false
		}
		d = ds[0]
		return d.Attempts == n && d.State != model.DeliverySending
	})
	return d
}

func TestRetriesOnScheduleUntilDelivered(t *testing.T) {
	e := started(t, loopback)
	rc := newReceiver(t, func(n int) int {
		if n <= 3 {
			return http.StatusServiceUnavailable
		}
		return http.StatusOK
	})
	ep, _ := e.endpoint(t, rc.URL)
	e.contact(t, "Ann", "ann@example.com")
	for n := 1; n <= 3; n++ {
		d := e.attemptsOf(t, ep.ID, n)
		wait := d.NextAttemptAt.Sub(e.clk.Now())
		if d.State != model.DeliveryPending || wait < webhooks.Schedule[n] || wait > webhooks.Schedule[n]*11/10 {
			t.Fatalf("after attempt %d: %s, next in %s, want %s plus up to a tenth", n, d.State, wait, webhooks.Schedule[n])
		}
		e.clk.Advance(wait)
	}
	d := e.attemptsOf(t, ep.ID, 4)
	if d.State != model.DeliveryDelivered || d.LastStatus != 200 {
		t.Fatalf("delivery %s with %d", d.State, d.LastStatus)
	}
	reqs := rc.requests()
	for _, r := range reqs[1:] {
		if r.header.Get("webhook-id") != reqs[0].header.Get("webhook-id") {
			t.Error("webhook-id changed between attempts")
		}
	}
	_, attempts, err := e.svc.Delivery(context.Background(), ep.ID, d.ID)
	if err != nil || len(attempts) != 4 || attempts[0].Status != 503 || attempts[0].ResponseBody != "thanks" ||
		attempts[0].RequestHeaders["Webhook-Id"] == "" || !strings.Contains(attempts[0].RequestBody, "contact.created") {
		t.Errorf("attempt log %+v, err %v", attempts, err)
	}
}

func TestFailsAfterTheLastAttempt(t *testing.T) {
	e := started(t, loopback)
	rc := newReceiver(t, always(500))
	ep, _ := e.endpoint(t, rc.URL)
	e.contact(t, "Ann", "ann@example.com")
	for n := 1; n < len(webhooks.Schedule); n++ {
		d := e.attemptsOf(t, ep.ID, n)
		e.clk.Advance(d.NextAttemptAt.Sub(e.clk.Now()))
	}
	d := e.attemptsOf(t, ep.ID, len(webhooks.Schedule))
	if d.State != model.DeliveryFailed || len(rc.requests()) != 8 {
		t.Fatalf("delivery %s after %d requests, want failed after 8", d.State, len(rc.requests()))
	}
	n, err := e.svc.ResendFailedSince(context.Background(), ep.ID, e.clk.Now().Add(-48*time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("resent %d, err %v", n, err)
	}
	waitFor(t, "the resent attempt", func() bool { return len(rc.requests()) == 9 })
}

func TestAttemptTimesOut(t *testing.T) {
	e := newEnv(t, loopback)
	e.w.Client.Timeout = 50 * time.Millisecond
	e.start(t)
	release := make(chan struct{})
	rc := newReceiver(t, func(int) int { <-release; return 200 })
	defer close(release)
	ep, _ := e.endpoint(t, rc.URL)
	e.contact(t, "Ann", "ann@example.com")
	d := e.attemptsOf(t, ep.ID, 1)
	if d.State != model.DeliveryPending || d.LastStatus != 0 || !strings.Contains(d.LastError, "No answer") {
		t.Errorf("delivery %s, status %d, error %q", d.State, d.LastStatus, d.LastError)
	}
}

func TestGoneDisablesTheEndpointAndTellsAdmins(t *testing.T) {
	e := started(t, loopback)
	ctx := context.Background()
	if _, err := e.st.CreateFirstAdmin(ctx, "Ada Admin", "ada@example.com", "x"); err != nil {
		t.Fatal(err)
	}
	rc := newReceiver(t, always(http.StatusGone))
	ep, _ := e.endpoint(t, rc.URL)
	e.contact(t, "Ann", "ann@example.com")
	e.contact(t, "Bo", "bo@example.com")
	waitFor(t, "the endpoint to be disabled", func() bool {
		got, _ := e.svc.Endpoint(ctx, ep.ID)
		return !got.Enabled
	})
	got, _ := e.svc.Endpoint(ctx, ep.ID)
	if !strings.Contains(got.DisabledReason, "410") {
		t.Errorf("reason %q", got.DisabledReason)
	}
	waitFor(t, "every delivery to fail", func() bool {
		for _, d := range e.deliveries(t, ep.ID) {
			if d.State != model.DeliveryFailed {
				return false
			}
		}
		return true
	})
	assertAdminsTold(t, e, "ada@example.com")
}

func assertAdminsTold(t *testing.T, e *env, to string) {
	t.Helper()
	page, err := e.st.ListEmails(context.Background(), model.MailQuery{PerPage: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Mails) != 1 || page.Mails[0].To != to || page.Mails[0].Template != "webhook_disabled" {
		t.Fatalf("emails %+v", page.Mails)
	}
}

func TestFiveDaysOfFailureDisablesTheEndpoint(t *testing.T) {
	e := started(t, loopback)
	ctx := context.Background()
	if _, err := e.st.CreateFirstAdmin(ctx, "Ada Admin", "ada@example.com", "x"); err != nil {
		t.Fatal(err)
	}
	rc := newReceiver(t, always(500))
	ep, _ := e.endpoint(t, rc.URL)
	e.contact(t, "Ann", "ann@example.com")
	e.attemptsOf(t, ep.ID, 1)
	e.clk.Advance(webhooks.DisableAfter)
	e.contact(t, "Bo", "bo@example.com")
	waitFor(t, "the endpoint to be disabled", func() bool {
		got, _ := e.svc.Endpoint(ctx, ep.ID)
		return !got.Enabled
	})
	got, _ := e.svc.Endpoint(ctx, ep.ID)
	if !strings.Contains(got.DisabledReason, "five days") {
		t.Errorf("reason %q", got.DisabledReason)
	}
	assertAdminsTold(t, e, "ada@example.com")
}

func TestRedirectIsNotFollowed(t *testing.T) {
	e := started(t, loopback)
	target := newReceiver(t, always(200))
	redirect := httptest.NewServer(http.RedirectHandler(target.URL, http.StatusFound))
	defer redirect.Close()
	ep, _ := e.endpoint(t, redirect.URL)
	e.contact(t, "Ann", "ann@example.com")
	d := e.attemptsOf(t, ep.ID, 1)
	if d.State != model.DeliveryPending || d.LastStatus != http.StatusFound || len(target.requests()) != 0 {
		t.Errorf("delivery %s with %d; the redirect's target got %d requests", d.State, d.LastStatus, len(target.requests()))
	}
}

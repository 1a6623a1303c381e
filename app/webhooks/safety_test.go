package webhooks_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/webhooks"
)

func TestLoopbackIsRefusedWithoutAllowList(t *testing.T) {
	e := started(t, nil)
	rc := newReceiver(t, always(200))
	// The form refuses the address outright...
	_, _, err := e.svc.CreateEndpoint(context.Background(), webhooks.EndpointInput{URL: rc.URL, Enabled: true})
	var v *model.ValidationError
	if !errors.As(err, &v) || v.Fields["url"] == "" {
		t.Fatalf("saving a loopback URL: %v", err)
	}
	// ...and a host name that resolves to it is refused when connecting.
	id, err := e.st.CreateWebhookEndpoint(context.Background(), model.WebhookEndpoint{
		URL: strings.Replace(rc.URL, "127.0.0.1", "localhost", 1), Enabled: true, Secret: webhooks.NewSecret()})
	if err != nil {
		t.Fatal(err)
	}
	e.contact(t, "Ann", "ann@example.com")
	d := e.attemptsOf(t, id, 1)
	if !strings.Contains(d.LastError, "Refused") || len(rc.requests()) != 0 {
		t.Errorf("error %q; the receiver got %d requests", d.LastError, len(rc.requests()))
	}
}

func TestEndpointInputIsChecked(t *testing.T) {
	e := newEnv(t, nil)
	cases := []struct {
		in    webhooks.EndpointInput
		field string
	}{
		{webhooks.EndpointInput{URL: "ftp://example.com/x"}, "url"},
		{webhooks.EndpointInput{URL: "example.com/hooks"}, "url"},
		{webhooks.EndpointInput{URL: "https://user:pw@example.com/"}, "url"},
		{webhooks.EndpointInput{URL: "http://169.254.169.254/latest"}, "url"},
		{webhooks.EndpointInput{URL: "http://10.0.0.5/hooks"}, "url"},
		{webhooks.EndpointInput{URL: "http://[::1]:8080/"}, "url"},
		{webhooks.EndpointInput{URL: "https://example.com/", EventTypes: []string{"contact.exploded"}}, "event_types"},
		{webhooks.EndpointInput{URL: "https://example.com/", Headers: "Webhook-Signature: forged"}, "headers"},
		{webhooks.EndpointInput{URL: "https://example.com/", Headers: "no colon here"}, "headers"},
	}
	for _, tc := range cases {
		_, _, err := e.svc.CreateEndpoint(context.Background(), tc.in)
		var v *model.ValidationError
		if !errors.As(err, &v) || v.Fields[tc.field] == "" {
			t.Errorf("%+v: %v, want a message on %s", tc.in, err, tc.field)
		}
	}
	ep, secret, err := e.svc.CreateEndpoint(context.Background(), webhooks.EndpointInput{
		URL: "https://example.com/hooks", Headers: "Authorization: Bearer abc\n\nX-Team: support", Enabled: true})
	if err != nil || !strings.HasPrefix(secret, "whsec_") || ep.Secret != "" || ep.Headers["Authorization"] != "Bearer abc" || len(ep.Headers) != 2 {
		t.Fatalf("endpoint %+v, secret %q, err %v", ep, secret, err)
	}
}

func TestSlowEndpointDoesNotHoldUpOthers(t *testing.T) {
	e := newEnv(t, loopback)
	e.w.PerEndpoint = 2
	e.start(t)
	stuck := make(chan struct{})
	slow := newReceiver(t, func(int) int { <-stuck; return 200 })
	defer close(stuck)
	fast := newReceiver(t, always(200))
	e.endpoint(t, slow.URL)
	e.endpoint(t, fast.URL)
	for i := range 20 {
		e.contact(t, "Ann", "ann"+string(rune('a'+i))+"@example.com")
	}
	waitFor(t, "every event at the healthy endpoint", func() bool { return len(fast.requests()) == 20 })
	if n := len(slow.requests()); n > 2 {
		t.Errorf("the stuck endpoint has %d requests in flight, want at most 2", n)
	}
}

func TestSendTestEvent(t *testing.T) {
	e := started(t, loopback)
	rc := newReceiver(t, always(200))
	other := newReceiver(t, always(200))
	ep, _ := e.endpoint(t, rc.URL)
	e.endpoint(t, other.URL)
	if _, err := e.svc.SendTestEvent(context.Background(), ep.ID); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the test event", func() bool { return len(rc.requests()) == 1 })
	if body := string(rc.requests()[0].body); !strings.Contains(body, `"webhook.test"`) {
		t.Errorf("body %s", body)
	}
	e.contact(t, "Ann", "ann@example.com")
	waitFor(t, "the next event", func() bool { return len(other.requests()) == 1 })
	if strings.Contains(string(other.requests()[0].body), "webhook.test") {
		t.Error("the test event went to another endpoint")
	}
}

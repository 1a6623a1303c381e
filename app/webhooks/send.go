package webhooks

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"code.dny.dev/ssrf"

	"github.com/portico-hub/portico/app/model"
)

// maxAnswer is how much of an endpoint's answer the log keeps.
const maxAnswer = 4 << 10

// send makes one attempt of a delivery and says how it ended.
func (w *Worker) send(ctx context.Context, ep *model.WebhookEndpoint, d model.WebhookDelivery) model.WebhookOutcome {
	started := time.Now()
	a := model.WebhookAttempt{AttemptedAt: w.Store.Now(), RequestBody: string(d.Payload)}
	headers, err := requestHeaders(ep, d, started, w.Store.Now())
	a.RequestHeaders = loggedHeaders(headers, ep.Headers)
	if err == nil {
		a.Status, a.ResponseBody, err = w.post(ctx, ep.URL, headers, d.Payload)
	}
	if err != nil {
		a.Error = describe(err, w.Client.Timeout)
	}
	a.Duration = time.Since(started)
	return w.outcome(ep, d, a)
}

// requestHeaders are the endpoint's own headers and then the ones that
// must not be overridden: the content type and the signature headers.
// webhook-id is the event's id, the same on every attempt.
func requestHeaders(ep *model.WebhookEndpoint, d model.WebhookDelivery, sent, now time.Time) (map[string]string, error) {
	h := map[string]string{}
	for k, v := range ep.Headers {
		h[http.CanonicalHeaderKey(k)] = v
	}
	sig, err := signature(ep, d.EventID, sent, d.Payload, now)
	h["Content-Type"] = "application/json"
	h["User-Agent"] = "Portico-Webhooks/1"
	h["Webhook-Id"] = d.EventID
	h["Webhook-Timestamp"] = strconv.FormatInt(sent.Unix(), 10)
	h["Webhook-Signature"] = sig
	return h, err
}

// post sends the request and reads the start of the answer.
func (w *Worker) post(ctx context.Context, url string, headers map[string]string, body []byte) (int, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, "", err
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := w.Client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return resp.StatusCode, string(answer), err
	}
	io.CopyN(io.Discard, resp.Body, 64<<10) // lets the connection be reused
	return resp.StatusCode, string(answer), nil
}

// describe says why a request failed, in words an admin can act on.
func describe(err error, timeout time.Duration) string {
	var ne interface{ Timeout() bool }
	switch {
	case errors.Is(err, ssrf.ErrProhibitedIP):
		return "Refused: the address is loopback, private, link-local or reserved (" + err.Error() +
			"). Allow it with PORTICO_WEBHOOK_ALLOW_NETS only for a receiver you trust."
	case errors.As(err, &ne) && ne.Timeout():
		return fmt.Sprintf("No answer within %s.", timeout)
	}
	return err.Error()
}

// outcome decides what becomes of the delivery and its endpoint.
func (w *Worker) outcome(ep *model.WebhookEndpoint, d model.WebhookDelivery, a model.WebhookAttempt) model.WebhookOutcome {
	o := model.WebhookOutcome{Delivery: d, Attempt: a}
	if a.Succeeded() {
		return o
	}
	now := w.Store.Now()
	if a.Status == http.StatusGone {
		o.Disable = "it answered 410 Gone, which asks senders to stop"
		return o
	}
	o.NextAttemptAt = nextAttempt(d.Attempts, now)
	if ep.FailingSince != nil && now.Sub(*ep.FailingSince) >= w.DisableAfter {
		o.Disable = "it has failed for five days without one success"
	}
	return o
}

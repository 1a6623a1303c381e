package demo

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// hookURL is the sample endpoint: a CRM that hears about contacts and
// companies. Its .example host never answers, so what the server sends
// it after loading fails, as a real endpoint that went away would.
const hookURL = "https://crm.northwind.example/hooks/portico"

// hookDays is how long before now the endpoint was added: within the
// delivery log's default retention, which would prune older entries.
const hookDays = 25

// hookUp adds the endpoint some weeks ago and the log of what it was
// sent since: the team's changes to contacts and companies, mostly
// delivered, some failed during the receiver's outage. Everything
// written before the endpoint existed is marked handled first, as the
// fan-out would have done at the time.
func hookUp(ctx context.Context, st *store.Store, y *year) error {
	if err := fanOutAll(ctx, st); err != nil {
		return err
	}
	start := y.now.AddDate(0, 0, -hookDays)
	st.Now = func() time.Time { return start }
	r := rand.New(rand.NewPCG(seed, 7))
	key := make([]byte, 32)
	for i := range key {
		key[i] = byte(r.UintN(256))
	}
	id, err := st.CreateWebhookEndpoint(ctx, model.WebhookEndpoint{URL: hookURL, Description: "Northwind CRM sync",
		EventTypes: []string{"contact.created", "contact.updated", "company.updated"}, Enabled: true,
		Secret: "whsec_" + base64.StdEncoding.EncodeToString(key)})
	if err != nil {
		return fmt.Errorf("demo: webhook endpoint: %w", err)
	}
	h := &hook{st: st, id: id}
	for i := range 24 {
		at := start.Add(time.Duration(i)*24*time.Hour + 3*time.Hour)
		st.Now = func() time.Time { return at }
		if err := change(ctx, st, i); err != nil {
			return err
		}
		if err := h.send(ctx, at, i >= 15 && i < 18); err != nil {
			return err
		}
	}
	return nil
}

// change is the i-th change the team made to a company or contact.
func change(ctx context.Context, st *store.Store, i int) error {
	if i%3 == 0 {
		id := int64(1 + (i*7)%len(Companies))
		co, err := st.Company(ctx, id)
		if err != nil {
			return err
		}
		f := co.Fields()
		f.Notes = fmt.Sprintf("Quarterly review held on %s; next one in three months.", st.Now().Format("2 January"))
		return st.UpdateCompany(ctx, actor, id, f)
	}
	for id := int64(1 + (i*37)%Size); ; id = id%Size + 1 {
		c, err := st.Contact(ctx, id)
		if err != nil {
			return err
		}
		if c.State == model.StateDeleted {
			continue
		}
		err = st.SetContactTags(ctx, actor, id, append(c.Tags, "renewal-call"))
		if !errors.Is(err, model.ErrNotFound) {
			return err
		}
	}
}

func fanOutAll(ctx context.Context, st *store.Store) error {
	for {
		n, err := st.FanOutEvents(ctx, 1000)
		if err != nil || n == 0 {
			return err
		}
	}
}

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

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

// fanOutAll hands every event written so far to the endpoints there are.
func fanOutAll(ctx context.Context, st *store.Store) error {
	for {
		n, err := st.FanOutEvents(ctx, 1000)
		if err != nil || n == 0 {
			return err
		}
	}
}

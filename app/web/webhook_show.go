package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/webhooks"
)

// webhookPage is one endpoint: its settings and its delivery log.
type webhookPage struct {
	Base
	Endpoint *model.WebhookEndpoint
	Query    model.DeliveryQuery
	// AboutName names the contact or company the log is filtered by.
	AboutName string
	Log       []webhooks.LogEntry
	Next      int64
	// Since is the default of "resend all failed since": a day ago.
	Since string
	// KeptFor says how long finished deliveries stay in the log.
	KeptFor string
	// Secret is a signing secret shown this once, after the endpoint
	// was added or its secret rotated.
	Secret *newSecret
}

// webhookShow shows an endpoint and a page of its delivery log.
func (s *Server) webhookShow(c *fiber.Ctx) error {
	ep, err := s.webhookParam(c)
	if err != nil {
		return err
	}
	p := webhookPage{Base: base(c, ep.URL, "webhooks"), Endpoint: ep, Query: deliveryQuery(c, ep.ID)}
	p.Since = s.store.Now().Add(-24 * time.Hour).UTC().Format(sinceLayout)
	p.KeptFor = keptFor(s.cfg.EventRetention)
	s.showNewSecret(c, &p)
	if p.AboutName, err = s.aboutName(c.UserContext(), p.Query); err != nil {
		return err
	}
	if p.Log, p.Next, err = s.webhooks.DeliveryLogWithAttempts(c.UserContext(), p.Query); err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "webhooks/show", "webhooks/_log", p)
}

// webhookParam loads the endpoint the URL names, without its secrets.
func (s *Server) webhookParam(c *fiber.Ctx) (*model.WebhookEndpoint, error) {
	id, err := paramID(c, "id")
	if err != nil {
		return nil, err
	}
	return s.webhooks.Endpoint(c.UserContext(), id)
}

// keptFor says a retention as the log reads it: "30 days", "36 hours".
func keptFor(d time.Duration) string {
	if d%(24*time.Hour) == 0 {
		return count(int(d/(24*time.Hour)), "day")
	}
	return count(max(1, int(d/time.Hour)), "hour")
}

func endpointURL(id int64) string { return fmt.Sprintf("/admin/webhooks/%d", id) }

// Types are the event types the log can be filtered by.
func (webhookPage) Types() []string {
	out := []string{events.TypeTest}
	for _, t := range events.Types {
		out = append(out, t.Type)
	}
	return out
}

// Pretty indents a JSON body for reading; the log keeps it as sent, and
// a body that is not JSON (or cut off at 4 KB) shows as it is.
func (webhookPage) Pretty(body string) string {
	var b bytes.Buffer
	if json.Indent(&b, []byte(body), "", "  ") != nil {
		return body
	}
	return b.String()
}

// States are the outcomes the log can be filtered by.
func (webhookPage) States() []string { return []string{"delivered", "failed", "pending", "sending"} }

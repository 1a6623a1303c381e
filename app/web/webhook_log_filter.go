package web

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// deliveryQuery reads the log's filters; unknown values show everything.
func deliveryQuery(c *fiber.Ctx, endpointID int64) model.DeliveryQuery {
	q := model.DeliveryQuery{EndpointID: endpointID, PerPage: 25, State: model.DeliveryState(c.Query("state"))}
	switch q.State {
	case model.DeliveryPending, model.DeliverySending, model.DeliveryDelivered, model.DeliveryFailed:
	default:
		q.State = ""
	}
	if t := c.Query("type"); events.Known(t) || t == events.TypeTest {
		q.EventType = t
	}
	q.Before, _ = strconv.ParseInt(c.Query("before"), 10, 64)
	q.Before = max(q.Before, 0)
	q.ContactID, _ = strconv.ParseInt(c.Query("contact"), 10, 64)
	q.CompanyID, _ = strconv.ParseInt(c.Query("company"), 10, 64)
	q.ContactID, q.CompanyID = max(q.ContactID, 0), max(q.CompanyID, 0)
	return q
}

// aboutName names the contact or company the log is filtered by, "" when
// it is not; one that no longer exists is named by its id.
func (s *Server) aboutName(ctx context.Context, q model.DeliveryQuery) (string, error) {
	var name string
	var err error
	switch {
	case q.ContactID != 0:
		var ct *model.Contact
		if ct, err = s.contacts.Get(ctx, q.ContactID); err == nil {
			name = ct.Name
		}
		if errors.Is(err, model.ErrNotFound) {
			name, err = fmt.Sprintf("contact #%d", q.ContactID), nil
		}
	case q.CompanyID != 0:
		var co *model.Company
		if co, err = s.companies.Get(ctx, q.CompanyID); err == nil {
			name = co.Name
		}
		if errors.Is(err, model.ErrNotFound) {
			name, err = fmt.Sprintf("deleted company #%d", q.CompanyID), nil
		}
	}
	return name, err
}

// AboutURL filters the log, with its other filters, by what a delivery
// is about.
func (p webhookPage) AboutURL(a model.DeliverySubject) string {
	q := p
	q.Query.ContactID, q.Query.CompanyID = a.ContactID, a.CompanyID
	return q.URL(0)
}

// AllAboutURL is the log with its other filters, about anything.
func (p webhookPage) AllAboutURL() string {
	return p.AboutURL(model.DeliverySubject{})
}

// URL links to the log with its filters and the given page.
func (p webhookPage) URL(before int64) string {
	v := url.Values{}
	if p.Query.State != "" {
		v.Set("state", string(p.Query.State))
	}
	if p.Query.EventType != "" {
		v.Set("type", p.Query.EventType)
	}
	if p.Query.ContactID != 0 {
		v.Set("contact", strconv.FormatInt(p.Query.ContactID, 10))
	}
	if p.Query.CompanyID != 0 {
		v.Set("company", strconv.FormatInt(p.Query.CompanyID, 10))
	}
	if before > 0 {
		v.Set("before", strconv.FormatInt(before, 10))
	}
	if len(v) == 0 {
		return endpointURL(p.Endpoint.ID)
	}
	return endpointURL(p.Endpoint.ID) + "?" + v.Encode()
}

package web

import (
	"context"
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// ticketListPage is the agents' ticket list with its views, filters,
// search and sort.
type ticketListPage struct {
	Base
	Query  model.TicketQuery
	Result *model.TicketPage
	Agents []model.Agent
	// CompanyName and ContactName name the filters' company and
	// requester; UnknownCompany is a typed name no company has.
	CompanyName, UnknownCompany, ContactName string
}

// ticketList shows a page of tickets. Typing in the search box or
// changing a filter asks for the results fragment only.
func (s *Server) ticketList(c *fiber.Ctx) error {
	ctx := c.UserContext()
	p := ticketListPage{Base: base(c, "Tickets", "tickets"), Query: parseTicketQuery(c)}
	if err := s.ticketFilterNames(ctx, c.Query("company_name"), &p); err != nil {
		return err
	}
	p.Result = &model.TicketPage{}
	if p.UnknownCompany == "" {
		var err error
		if p.Result, err = s.tickets.Desk(ctx, currentAgent(c).ID, p.Query); err != nil {
			return err
		}
	}
	agents, err := s.agents.Team(ctx)
	if err != nil {
		return err
	}
	p.Agents = activeAgents(agents)
	return render(c, fiber.StatusOK, "tickets/list", "tickets/_results", p)
}

// ticketFilterNames resolves the company typed in the filter and names
// the company and requester the list is filtered by.
func (s *Server) ticketFilterNames(ctx context.Context, typed string, p *ticketListPage) error {
	var err error
	if typed = strings.TrimSpace(typed); typed != "" && p.Query.CompanyID == 0 {
		p.Query.CompanyID, err = s.companies.IDByName(ctx, typed)
		if errors.Is(err, model.ErrNotFound) {
			p.UnknownCompany = typed
			return nil
		}
		if err != nil {
			return err
		}
	}
	if p.Query.CompanyID != 0 {
		if p.CompanyName, err = s.companies.Name(ctx, p.Query.CompanyID); err != nil {
			return err
		}
	}
	if p.Query.ContactID != 0 {
		ct, err := s.contacts.Get(ctx, p.Query.ContactID)
		if err != nil {
			return err
		}
		p.ContactName = ct.Name
	}
	return nil
}

func activeAgents(as []model.Agent) []model.Agent {
	var out []model.Agent
	for _, a := range as {
		if a.Active {
			out = append(out, a)
		}
	}
	return out
}

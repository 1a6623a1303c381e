package ticket

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// ListPerPage is how many tickets a page of the agents' list shows, as
// many as the contacts list.
const ListPerPage = 30

// Desk returns a page of the agents' list; the "mine" view lists the
// tickets assigned to the agent looking.
func (s *Service) Desk(ctx context.Context, agentID int64, q model.TicketQuery) (*model.TicketPage, error) {
	if q.View == model.TicketViewMine {
		q.AssigneeID = agentID
	}
	q.PerPage = ListPerPage
	return s.Store.ListTickets(ctx, q)
}

// Thread is a ticket's page, oldest first: its replies (with private
// notes for agents) between the changes of status, assignee and company.
func (s *Service) Thread(ctx context.Context, id int64, withNotes bool) ([]model.ThreadItem, error) {
	rs, err := s.Store.Replies(ctx, id, withNotes)
	if err != nil {
		return nil, err
	}
	var as []model.AuditEntry
	if withNotes {
		if as, err = s.Store.TicketActivity(ctx, id); err != nil {
			return nil, err
		}
	}
	out := make([]model.ThreadItem, 0, len(rs)+len(as))
	for i := range rs {
		out = append(out, model.ThreadItem{Reply: &rs[i]})
	}
	for i := range as {
		out = append(out, model.ThreadItem{Activity: &as[i]})
	}
	slices.SortStableFunc(out, func(a, b model.ThreadItem) int { return a.At().Compare(b.At()) })
	return out, nil
}

// Change is an agent's change of a ticket's side panel, as typed: a
// status, an assignee's id ("" for nobody) and a company's name (""
// for none). Empty fields of Fields are left alone.
type Change struct {
	Fields  []string
	Status  string
	Assign  string
	Company string
}

// Update applies a Change and returns what changed.
func (s *Service) Update(ctx context.Context, actor model.Actor, id int64, in Change) ([]string, error) {
	var ch model.TicketChange
	for _, f := range in.Fields {
		if err := s.parseField(ctx, f, in, &ch); err != nil {
			return nil, err
		}
	}
	changed, err := s.Store.ChangeTicket(ctx, actor, id, ch)
	if errors.Is(err, model.ErrNotFound) && ch.AssigneeID != nil {
		if _, terr := s.Store.Ticket(ctx, id); terr == nil {
			return nil, model.Invalid("assignee", "That agent is no longer active; choose another.")
		}
	}
	return changed, err
}

func (s *Service) parseField(ctx context.Context, field string, in Change, ch *model.TicketChange) error {
	switch field {
	case "status":
		st := model.TicketStatus(in.Status)
		if !st.Valid() {
			return model.Invalid("status", "Choose a status from the list.")
		}
		ch.Status = &st
	case "assignee":
		id, err := strconv.ParseInt(strings.TrimSpace(in.Assign), 10, 64)
		if in.Assign != "" && (err != nil || id <= 0) {
			return model.Invalid("assignee", "Choose an agent from the list.")
		}
		ch.AssigneeID = &id
	case "company":
		id, err := s.companyID(ctx, in.Company)
		if err != nil {
			return err
		}
		ch.CompanyID = &id
	}
	return nil
}

// companyID finds a company by its exact name (any case); "" is none.
func (s *Service) companyID(ctx context.Context, name string) (int64, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return 0, nil
	}
	id, err := s.Store.CompanyByName(ctx, name)
	if errors.Is(err, model.ErrNotFound) {
		return 0, model.Invalid("company", "No company is named “"+name+"”. Pick one from the suggestions.")
	}
	return id, err
}

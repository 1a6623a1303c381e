package timesheet

import (
	"context"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Service records agents' time on tickets.
type Service struct {
	Store *store.Store
}

// Panel is a ticket's time: its entries, totals, the company's billable
// default and the viewing agent's running timer, if any.
type Panel struct {
	Ticket   *model.Ticket
	Entries  []model.TimeEntry
	Totals   model.TimeTotals
	Billable bool
	Timer    *model.Timer
}

// Panel reads a ticket's time panel for an agent.
func (s *Service) Panel(ctx context.Context, agent *model.Agent, ticketID int64) (*Panel, error) {
	t, billable, err := s.Store.TimeTicket(ctx, ticketID)
	if err != nil {
		return nil, err
	}
	p := &Panel{Ticket: t, Billable: billable}
	if p.Entries, err = s.Store.TicketTimeEntries(ctx, ticketID); err != nil {
		return nil, err
	}
	for _, e := range p.Entries {
		p.Totals = p.Totals.Add(totalsOf(e))
	}
	p.Timer, err = s.Timer(ctx, agent.ID)
	return p, err
}

func totalsOf(e model.TimeEntry) model.TimeTotals {
	if e.Billable {
		return model.TimeTotals{Billable: e.Seconds, Entries: 1}
	}
	return model.TimeTotals{NonBillable: e.Seconds, Entries: 1}
}

// Timer returns an agent's running timer, or nil.
func (s *Service) Timer(ctx context.Context, agentID int64) (*model.Timer, error) {
	t, err := s.Store.Timer(ctx, agentID)
	if errors.Is(err, model.ErrNotFound) {
		return nil, nil
	}
	return t, err
}

// Add records time by hand on a ticket.
func (s *Service) Add(ctx context.Context, agent *model.Agent, ticketID int64, in Input) (int64, error) {
	ed, err := in.Validate(s.Store.Now())
	if err != nil {
		return 0, err
	}
	if err := s.checkDay(ctx, agent.ID, ed, 0); err != nil {
		return 0, err
	}
	return s.Store.AddTimeEntry(ctx, model.NewTimeEntry{TicketID: ticketID, AgentID: agent.ID, WorkDate: ed.WorkDate,
		Seconds: ed.Seconds, Billable: ed.Billable, Note: ed.Note})
}

// checkDay refuses an entry that would take the agent's day past 24
// hours, saying how much the day already holds.
func (s *Service) checkDay(ctx context.Context, agentID int64, ed model.TimeEdit, except int64) error {
	done, err := s.Store.AgentDaySeconds(ctx, agentID, ed.WorkDate, except)
	if err != nil || done+ed.Seconds <= MaxDay {
		return err
	}
	return model.Invalid("time", fmt.Sprintf("You already recorded %s on %s; with this entry the day would hold more than 24 hours.",
		HHMM(done), ed.WorkDate.Format("2 Jan 2006")))
}

// Entry returns an entry the agent may change: their own, or anyone's
// for an admin; another agent's is ErrForbidden.
func (s *Service) Entry(ctx context.Context, agent *model.Agent, id int64) (*model.TimeEntry, error) {
	e, err := s.Store.TimeEntry(ctx, id)
	if err != nil {
		return nil, err
	}
	if e.AgentID != agent.ID && !agent.IsAdmin() {
		return nil, fmt.Errorf("timesheet: entry %d of agent %d: %w", id, e.AgentID, model.ErrForbidden)
	}
	return e, nil
}

// Update changes an entry the agent may change.
func (s *Service) Update(ctx context.Context, agent *model.Agent, id int64, in Input) error {
	e, err := s.Entry(ctx, agent, id)
	if err != nil {
		return err
	}
	ed, err := in.Validate(s.Store.Now())
	if err != nil {
		return err
	}
	if err := s.checkDay(ctx, e.AgentID, ed, e.ID); err != nil {
		return err
	}
	return s.Store.UpdateTimeEntry(ctx, id, ed)
}

// Delete deletes an entry the agent may change.
func (s *Service) Delete(ctx context.Context, agent *model.Agent, id int64) (*model.TimeEntry, error) {
	e, err := s.Entry(ctx, agent, id)
	if err != nil {
		return nil, err
	}
	return e, s.Store.DeleteTimeEntry(ctx, id)
}

// SetCompanyBillable sets whether a company's time is billable unless
// an agent says otherwise.
func (s *Service) SetCompanyBillable(ctx context.Context, companyID int64, billable bool) error {
	return s.Store.SetCompanyTimeBillable(ctx, companyID, billable)
}

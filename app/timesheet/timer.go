package timesheet

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// LongTimer is how long a timer may run before the agent confirms its
// time: a timer forgotten overnight would otherwise bill the night.
const LongTimer = 8 * time.Hour

// ConfirmError asks the agent to confirm a timer's time before it is
// saved, because it ran over midnight or longer than LongTimer. Then is
// the ticket whose timer the agent was starting, if any.
type ConfirmError struct {
	Timer   *model.Timer
	Elapsed time.Duration
	Then    int64
}

func (e *ConfirmError) Error() string {
	return fmt.Sprintf("timesheet: timer of agent %d ran %s: confirm its time", e.Timer.AgentID, e.Elapsed)
}

// NeedsConfirm reports whether a timer's time needs the agent's word.
func NeedsConfirm(t *model.Timer, now time.Time) bool {
	return !Day(t.StartedAt).Equal(Day(now)) || now.Sub(t.StartedAt) > LongTimer
}

// Start starts the agent's timer on a ticket. A timer running on another
// ticket stops and its time is saved first, as in Freshdesk; when that
// time needs confirming, nothing changes and a ConfirmError says so.
func (s *Service) Start(ctx context.Context, agent *model.Agent, ticketID int64) error {
	cur, err := s.Timer(ctx, agent.ID)
	if err != nil || (cur != nil && cur.TicketID == ticketID) {
		return err
	}
	now := s.Store.Now()
	sw := store.TimerSwitch{Start: &model.Timer{AgentID: agent.ID, TicketID: ticketID, StartedAt: now}}
	if cur != nil {
		if NeedsConfirm(cur, now) {
			return &ConfirmError{Timer: cur, Elapsed: now.Sub(cur.StartedAt), Then: ticketID}
		}
		sw.Stop = cur
		if sw.Save, err = s.timerEntry(ctx, cur, now); err != nil {
			return err
		}
	}
	return s.Store.SwitchTimer(ctx, sw)
}

// Stop stops the agent's timer and saves its time. A timer that needs
// confirming returns a ConfirmError until the agent sends its time as
// confirm; then continues with a timer on that ticket, if not 0.
func (s *Service) Stop(ctx context.Context, agent *model.Agent, confirm *Input, then int64) error {
	cur, err := s.Store.Timer(ctx, agent.ID)
	if err != nil {
		return err
	}
	now := s.Store.Now()
	sw := store.TimerSwitch{Stop: cur}
	if then != 0 && then != cur.TicketID {
		sw.Start = &model.Timer{AgentID: agent.ID, TicketID: then, StartedAt: now}
	}
	switch {
	case confirm != nil:
		sw.Save, err = s.confirmed(ctx, cur, *confirm, now)
	case NeedsConfirm(cur, now):
		return &ConfirmError{Timer: cur, Elapsed: now.Sub(cur.StartedAt), Then: then}
	default:
		sw.Save, err = s.timerEntry(ctx, cur, now)
	}
	if err != nil {
		return err
	}
	return s.Store.SwitchTimer(ctx, sw)
}

// Discard stops the agent's timer without saving its time.
func (s *Service) Discard(ctx context.Context, agent *model.Agent) error {
	cur, err := s.Store.Timer(ctx, agent.ID)
	if err != nil {
		return err
	}
	return s.Store.SwitchTimer(ctx, store.TimerSwitch{Stop: cur})
}

// timerEntry is the entry a stopped timer saves: its time to the second
// on the day it started, billable as its company's default. A timer on
// a ticket deleted meanwhile, or stopped at once, saves nothing.
func (s *Service) timerEntry(ctx context.Context, t *model.Timer, now time.Time) (*model.NewTimeEntry, error) {
	sec := int64(now.Sub(t.StartedAt) / time.Second)
	_, billable, err := s.Store.TimeTicket(ctx, t.TicketID)
	if errors.Is(err, model.ErrNotFound) || sec <= 0 {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &model.NewTimeEntry{TicketID: t.TicketID, AgentID: t.AgentID, WorkDate: Day(t.StartedAt), Seconds: sec,
		Billable: billable}, nil
}

// confirmed is the entry the agent confirmed for a long timer.
func (s *Service) confirmed(ctx context.Context, t *model.Timer, in Input, now time.Time) (*model.NewTimeEntry, error) {
	ed, err := in.Validate(now)
	if err != nil {
		return nil, err
	}
	if err := s.checkDay(ctx, t.AgentID, ed, 0); err != nil {
		return nil, err
	}
	return &model.NewTimeEntry{TicketID: t.TicketID, AgentID: t.AgentID, WorkDate: ed.WorkDate, Seconds: ed.Seconds,
		Billable: ed.Billable, Note: ed.Note}, nil
}

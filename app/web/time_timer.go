package web

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/timesheet"
)

// timerStart starts the agent's timer on the ticket, stopping one that
// runs elsewhere; a long one is confirmed first.
func (s *Server) timerStart(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	err = s.time.Start(c.UserContext(), currentAgent(c), id)
	var ce *timesheet.ConfirmError
	if errors.As(err, &ce) {
		return s.timerConfirm(c, ce, nil)
	}
	if err != nil {
		return err
	}
	return s.timeDone(c, "Timer started.")
}

// timerStop stops the agent's timer, whichever ticket it runs on; the
// ticket in the URL is the panel shown after. A long timer is saved once
// the agent confirms its time (confirm=1 with the entry's fields).
func (s *Server) timerStop(c *fiber.Ctx) error {
	var in *timesheet.Input
	if c.FormValue("confirm") != "" {
		f := parseTimeForm(c).input()
		in = &f
	}
	err := s.time.Stop(c.UserContext(), currentAgent(c), in, formID(c, "then"))
	var ce *timesheet.ConfirmError
	if errors.As(err, &ce) {
		return s.timerConfirm(c, ce, nil)
	}
	if errs, ok := fieldErrors(err); ok {
		ce, cerr := s.time.Confirming(c.UserContext(), currentAgent(c), formID(c, "then"))
		if cerr != nil {
			return cerr
		}
		return s.timerConfirm(c, ce, errs)
	}
	if errors.Is(err, model.ErrNotFound) || errors.Is(err, model.ErrConflict) {
		return s.timeDone(c, "The timer had already stopped.")
	}
	if err != nil {
		return err
	}
	return s.timeDone(c, "Timer stopped; its time is saved.")
}

// timerDiscard stops the agent's timer without saving its time.
func (s *Server) timerDiscard(c *fiber.Ctx) error {
	err := s.time.Discard(c.UserContext(), currentAgent(c))
	if err != nil && !errors.Is(err, model.ErrNotFound) && !errors.Is(err, model.ErrConflict) {
		return err
	}
	return s.timeDone(c, "Timer discarded.")
}

// timerConfirm asks the agent for a long timer's time, on the panel of
// the ticket in the URL.
func (s *Server) timerConfirm(c *fiber.Ctx, ce *timesheet.ConfirmError, errs map[string]string) error {
	p, err := s.timePanelPage(c)
	if err != nil {
		return err
	}
	p.Confirm, p.ConfirmErrors = ce, errs
	p.ConfirmForm = timeForm{Date: timesheet.Day(ce.Timer.StartedAt).Format(time.DateOnly), Billable: true}
	if ce.Elapsed <= timesheet.MaxDay*time.Second {
		p.ConfirmForm.Time = timesheet.HHMM(int64(ce.Elapsed / time.Second))
	}
	status := fiber.StatusOK
	if errs != nil {
		p.ConfirmForm = parseTimeForm(c)
		status = fiber.StatusUnprocessableEntity
	}
	return renderTime(c, status, p)
}

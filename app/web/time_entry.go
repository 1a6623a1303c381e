package web

import (
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/timesheet"
)

// entryOf reads the entry in the URL if the agent may change it and it
// is on the ticket in the URL.
func (s *Server) entryOf(c *fiber.Ctx) (*model.TimeEntry, error) {
	ticket, err := paramID(c, "id")
	if err != nil {
		return nil, err
	}
	id, err := paramID(c, "entry")
	if err != nil {
		return nil, err
	}
	e, err := s.time.Entry(c.UserContext(), currentAgent(c), id)
	if err == nil && e.TicketID != ticket {
		return nil, fmt.Errorf("web: entry %d is not on ticket %d: %w", id, ticket, model.ErrNotFound)
	}
	return e, err
}

// timeEdit shows an entry's form in place of its row.
func (s *Server) timeEdit(c *fiber.Ctx) error {
	e, err := s.entryOf(c)
	if err != nil {
		return err
	}
	p, err := s.timePanelPage(c)
	if err != nil {
		return err
	}
	p.EditID = e.ID
	p.EditForm = timeForm{Time: timesheet.HHMM(e.Seconds), Date: e.WorkDate.Format(time.DateOnly), Note: e.Note, Billable: e.Billable}
	return renderTime(c, fiber.StatusOK, p)
}

// timeUpdate saves an entry's form.
func (s *Server) timeUpdate(c *fiber.Ctx) error {
	e, err := s.entryOf(c)
	if err != nil {
		return err
	}
	f := parseTimeForm(c)
	err = s.time.Update(c.UserContext(), currentAgent(c), e.ID, f.input())
	if errs, ok := fieldErrors(err); ok {
		p, perr := s.timePanelPage(c)
		if perr != nil {
			return perr
		}
		p.EditID, p.EditForm, p.EditErrors = e.ID, f, errs
		return renderTime(c, fiber.StatusUnprocessableEntity, p)
	}
	if err != nil {
		return err
	}
	return s.timeDone(c, "Entry saved.")
}

// timeDelete deletes an entry; the button asks first.
func (s *Server) timeDelete(c *fiber.Ctx) error {
	e, err := s.entryOf(c)
	if err != nil {
		return err
	}
	if _, err := s.time.Delete(c.UserContext(), currentAgent(c), e.ID); err != nil {
		return err
	}
	return s.timeDone(c, "Entry of "+timesheet.HHMM(e.Seconds)+" deleted.")
}

package web

import (
	"fmt"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/timesheet"
)

// timePanelPage is a ticket's time panel: inside the ticket page, or a
// page of its own.
type timePanelPage struct {
	Base
	P *timesheet.Panel
	// Form refills the add form; EditID and EditForm the entry being
	// edited; Confirm asks about a long timer, ConfirmForm refills it.
	Form        timeForm
	EditID      int64
	EditForm    timeForm
	Confirm     *timesheet.ConfirmError
	ConfirmForm timeForm
	Today       string
	// The errors of each form, so only the form sent shows them.
	AddErrors, EditErrors, ConfirmErrors map[string]string
}

// timeForm is an entry's form as shown or sent.
type timeForm struct {
	Time, Date, Note string
	Billable         bool
}

func (f timeForm) input() timesheet.Input {
	return timesheet.Input{Time: f.Time, Date: f.Date, Note: f.Note, Billable: f.Billable}
}

func parseTimeForm(c *fiber.Ctx) timeForm {
	return timeForm{Time: c.FormValue("time"), Date: c.FormValue("date"), Note: c.FormValue("note"),
		Billable: c.FormValue("billable") != ""}
}

// timePanel shows a ticket's time: its entries and total, the timer and
// the form to add time.
func (s *Server) timePanel(c *fiber.Ctx) error {
	p, err := s.timePanelPage(c)
	if err != nil {
		return err
	}
	return renderTime(c, fiber.StatusOK, p)
}

func renderTime(c *fiber.Ctx, status int, p *timePanelPage) error {
	return render(c, status, "time/page", "time/_panel_swap", p)
}

// timePanelPage reads the panel of the ticket in the URL, its timer as
// it is now (a change in this request included).
func (s *Server) timePanelPage(c *fiber.Ctx) (*timePanelPage, error) {
	id, err := paramID(c, "id")
	if err != nil {
		return nil, err
	}
	panel, err := s.time.Panel(c.UserContext(), currentAgent(c), id)
	if err != nil {
		return nil, err
	}
	today := timesheet.Day(s.store.Now()).Format(time.DateOnly)
	p := &timePanelPage{Base: base(c, fmt.Sprintf("Time on #%d", id), "tickets"), P: panel, Today: today,
		Form: timeForm{Date: today, Billable: panel.Billable}}
	p.Timer = panel.Timer
	return p, nil
}

// timeDone answers a change on the panel: the panel again for HTMX,
// else a redirect to where the form came from.
func (s *Server) timeDone(c *fiber.Ctx, msg string) error {
	flash(c, msg)
	if !isPartial(c) {
		return redirect(c, localNext(c.FormValue("next"), "/", "/tickets/"+c.Params("id")+"/time"))
	}
	p, err := s.timePanelPage(c)
	if err != nil {
		return err
	}
	return renderTime(c, fiber.StatusOK, p)
}

// timeAdd records time by hand.
func (s *Server) timeAdd(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	f := parseTimeForm(c)
	_, err = s.time.Add(c.UserContext(), currentAgent(c), id, f.input())
	if errs, ok := fieldErrors(err); ok {
		p, perr := s.timePanelPage(c)
		if perr != nil {
			return perr
		}
		p.Form, p.AddErrors = f, errs
		return renderTime(c, fiber.StatusUnprocessableEntity, p)
	}
	if err != nil {
		return err
	}
	return s.timeDone(c, "Time added.")
}

func formID(c *fiber.Ctx, key string) int64 {
	n, _ := strconv.ParseInt(c.FormValue(key), 10, 64)
	return n
}

package web

import (
	"errors"
	"html/template"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/timesheet"
)

// reportPage is the Time Sheet Summary with its filters.
type reportPage struct {
	Base
	R *timesheet.Report
	F timesheet.Filters
	// Query is the filters as a URL query, for links that keep them;
	// it and Remove are typed as URLs so the template keeps their "&"
	// and "=" rather than escaping the query into one name.
	Query     template.URL
	Companies []reportChip
	Contact   *reportChip
	Agents    []model.Agent
	Presets   any
	Groups    any
	Statuses  []model.TicketStatus
}

// reportChip is a chosen company or contact, with the URL without it.
type reportChip struct {
	ID     int64
	Name   string
	Remove template.URL
}

// reportShow shows the Time Sheet Summary for the filters in the URL.
// A company typed by name (add_company) is added to the URL's ids, and a
// contact picked (add_contact) replaces its contact, so the address bar
// always holds the report to bookmark or share.
func (s *Server) reportShow(c *fiber.Ctx) error {
	v := queryValues(c)
	if v.Has("add_company") || v.Has("add_contact") {
		return s.reportAdd(c, v)
	}
	f, ferr := timesheet.ParseFilters(v, s.store.Now())
	p, err := s.reportPage(c, f)
	if err != nil {
		return err
	}
	if errs, ok := fieldErrors(ferr); ok {
		p.Errors = errs
		return render(c, fiber.StatusUnprocessableEntity, "reports/timesheet", "", p)
	}
	if p.R, err = s.time.Summary(c.UserContext(), f); err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "reports/timesheet", "", p)
}

// reportAdd adds what the form's pickers name to the filters and
// redirects to the report's address; an empty picker adds nothing.
func (s *Server) reportAdd(c *fiber.Ctx, v url.Values) error {
	if err := s.reportAddCompany(c, v); err != nil {
		return err
	}
	if err := s.reportAddContact(c, v); err != nil {
		return err
	}
	return c.Redirect("/reports/timesheet?"+v.Encode(), fiber.StatusSeeOther)
}

func (s *Server) reportAddCompany(c *fiber.Ctx, v url.Values) error {
	name := strings.TrimSpace(v.Get("add_company"))
	v.Del("add_company")
	if name == "" {
		return nil
	}
	id, err := s.companies.IDByName(c.UserContext(), name)
	switch {
	case errors.Is(err, model.ErrNotFound):
		flash(c, "No company is named “"+name+"”.")
	case err != nil:
		return err
	default:
		v.Add("company", itoa(id))
	}
	return nil
}

func queryValues(c *fiber.Ctx) url.Values {
	v, _ := url.ParseQuery(string(c.Request().URI().QueryString()))
	return v
}

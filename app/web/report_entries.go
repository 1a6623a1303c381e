package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/timesheet"
)

// reportEntriesPage is one group's entries, shown below it on demand.
type reportEntriesPage struct {
	Base
	Key     string
	Label   string
	Entries []model.TimeEntry
	Capped  bool
	Back    string
}

// reportEntries lists one group's entries: a fragment for the report's
// disclosure, or a page of its own without JavaScript.
func (s *Server) reportEntries(c *fiber.Ctx) error {
	v := queryValues(c)
	f, err := timesheet.ParseFilters(v, s.store.Now())
	if err != nil {
		return err
	}
	p := reportEntriesPage{Base: base(c, "Time entries", "reports"), Key: v.Get("key"), Label: v.Get("label"),
		Back: "/reports/timesheet?" + f.Encode()}
	if p.Entries, err = s.time.Entries(c.UserContext(), f, p.Key); err != nil {
		return err
	}
	p.Capped = len(p.Entries) == timesheet.MaxEntries
	return render(c, fiber.StatusOK, "reports/entries", "reports/_entries", p)
}

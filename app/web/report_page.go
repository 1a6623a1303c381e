package web

import (
	"context"
	"html/template"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/timesheet"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// reportPage builds the report page's form: the chosen companies and
// contact by name, each with a link that removes it, and the agents.
func (s *Server) reportPage(c *fiber.Ctx, f timesheet.Filters) (*reportPage, error) {
	ctx := c.UserContext()
	p := &reportPage{Base: base(c, "Time Sheet Summary", "reports"), F: f, Query: template.URL(f.Encode()),
		Presets: timesheet.Presets, Groups: timesheet.Groups, Statuses: timesheet.Statuses}
	var err error
	if p.Companies, err = s.companyChips(ctx, f); err != nil {
		return nil, err
	}
	if id := f.Query.ContactID; id != 0 {
		co, err := s.contacts.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		g := f
		g.Query.ContactID = 0
		p.Contact = &reportChip{ID: id, Name: co.Name, Remove: template.URL(g.Encode())}
	}
	p.Agents, err = s.agents.Team(ctx)
	return p, err
}

func (s *Server) companyChips(ctx context.Context, f timesheet.Filters) ([]reportChip, error) {
	var out []reportChip
	for i, id := range f.Query.CompanyIDs {
		name, err := s.companies.Name(ctx, id)
		if err != nil {
			name = "Deleted company #" + itoa(id)
		}
		g := f
		g.Query.CompanyIDs = append(append([]int64{}, f.Query.CompanyIDs[:i]...), f.Query.CompanyIDs[i+1:]...)
		out = append(out, reportChip{ID: id, Name: name, Remove: template.URL(g.Encode())})
	}
	return out, nil
}

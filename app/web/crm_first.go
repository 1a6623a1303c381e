package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/crmsync"
	"github.com/portico-hub/portico/app/model"
)

// crmFirstPage is a first sync's dry run, for the admin to confirm.
type crmFirstPage struct {
	Base
	Instance *model.PluginInstance
	URL      string
	Plan     *crmsync.Plan
	Counts   map[string]int
}

// crmFirst computes the first sync's dry run; nothing is written.
func (s *Server) crmFirst(c *fiber.Ctx) error {
	in, err := s.crmParam(c)
	if err != nil {
		return err
	}
	plan, err := s.crm.DryRun(c.UserContext(), in.ID)
	if err != nil {
		return err
	}
	p := crmFirstPage{Base: base(c, "First sync of "+in.Name, "plugins"), Instance: in, URL: crmURL(in), Plan: plan, Counts: plan.Counts()}
	return render(c, fiber.StatusOK, "crm/first", "", p)
}

package web

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/crmsync"
	"github.com/portico-hub/portico/app/model"
)

// crmShowPage is a connector's page: its state, runs, counts, conflicts,
// failures and links, or its settings form before the first sync.
type crmShowPage struct {
	Base
	Instance *model.PluginInstance
	URL      string
	// Overview is nil until the connector's settings are saved.
	Overview *crmsync.Overview
	Links    []model.CRMLink
	// LastRun and NextRun are zero when unknown.
	LastRun, NextRun time.Time
}

// crmShow shows a connector.
func (s *Server) crmShow(c *fiber.Ctx) error {
	in, err := s.crmParam(c)
	if err != nil {
		return err
	}
	p := crmShowPage{Base: base(c, in.Name+" sync", "plugins"), Instance: in, URL: crmURL(in)}
	p.Overview, err = s.crm.Overview(c.UserContext(), in.ID)
	if errors.Is(err, model.ErrNotFound) {
		return render(c, fiber.StatusOK, "crm/show", "", p)
	}
	if err != nil {
		return err
	}
	if p.Links, err = s.crm.Links(c.UserContext(), in.ID, 1); err != nil {
		return err
	}
	if t := p.Overview.LastRunAt; t != nil {
		p.LastRun = *t
	}
	if t := p.Overview.NextRunAt; t != nil {
		p.NextRun = *t
	}
	return render(c, fiber.StatusOK, "crm/show", "", p)
}

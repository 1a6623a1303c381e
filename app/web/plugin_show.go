package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
)

// pluginShowPage is one plugin: its state, what it is, its instances and
// what it did recently.
type pluginShowPage struct {
	Base
	Plugin    pluginhost.Status
	Instances []model.PluginInstance
	Activity  []model.PluginActivity
}

// pluginShow shows a plugin; every state has its next step on the page.
func (s *Server) pluginShow(c *fiber.Ctx) error {
	pl, err := s.pluginParam(c)
	if err != nil {
		return err
	}
	p := pluginShowPage{Base: base(c, pl.ID, "plugins"), Plugin: pl}
	if p.Instances, err = s.plugins.Instances(c.UserContext(), pl.ID); err != nil {
		return err
	}
	if p.Activity, err = s.plugins.Activity(c.UserContext(), pl.ID, 0, 20); err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "plugins/show", "", p)
}

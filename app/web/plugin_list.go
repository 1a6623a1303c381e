package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/pluginhost"
)

// pluginListPage is Admin > Plugins: every plugin found in the plugins
// folder with its state.
type pluginListPage struct {
	Base
	Dir     string
	Off     bool
	Plugins []pluginhost.Status
}

// pluginList lists the discovered plugins, or says how to add one.
func (s *Server) pluginList(c *fiber.Ctx) error {
	p := pluginListPage{Base: base(c, "Plugins", "plugins"), Off: s.plugins == nil}
	if s.plugins != nil {
		list, err := s.plugins.List(c.UserContext())
		if err != nil {
			return err
		}
		p.Dir, p.Plugins = s.plugins.Dir(), list
	}
	return render(c, fiber.StatusOK, "plugins/list", "", p)
}

package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
)

// pluginRoutes maps Admin > Plugins; ad already requires an admin.
func (s *Server) pluginRoutes(ad fiber.Router) {
	ad.Get("/plugins", s.pluginList)
	ad.Get("/plugins/:plugin", s.pluginShow)
	ad.Get("/plugins/:plugin/approve", s.pluginApproveConfirm)
	ad.Post("/plugins/:plugin/approve", s.pluginApprove)
	ad.Post("/plugins/:plugin/enabled", s.pluginEnabled)
	ad.Get("/plugins/:plugin/instances/new", s.instanceNew)
	ad.Post("/plugins/:plugin/instances", s.instanceCreate)
	ad.Get("/plugins/:plugin/instances/:instance", s.instanceEdit)
	ad.Post("/plugins/:plugin/instances/:instance", s.instanceUpdate)
	ad.Post("/plugins/:plugin/instances/:instance/test", s.instanceCheck)
	ad.Post("/plugins/:plugin/instances/:instance/message", s.instanceTestMessage)
	s.crmRoutes(ad)
}

// pluginParam returns the plugin the URL names, or ErrNotFound; without
// a plugin host every plugin page is not found.
func (s *Server) pluginParam(c *fiber.Ctx) (pluginhost.Status, error) {
	if s.plugins == nil {
		return pluginhost.Status{}, fmt.Errorf("plugins are off: %w", model.ErrNotFound)
	}
	return s.plugins.Get(c.UserContext(), c.Params("plugin"))
}

// instanceParam returns the instance the URL names, of its plugin.
func (s *Server) instanceParam(c *fiber.Ctx, pluginID string) (*model.PluginInstance, error) {
	id, err := paramID(c, "instance")
	if err != nil {
		return nil, err
	}
	return s.plugins.Instance(c.UserContext(), pluginID, id)
}

func pluginURL(id string) string { return "/admin/plugins/" + id }

package web

import (
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// crmRoutes maps a CRM connector's page under its instance; ad already
// requires an admin.
func (s *Server) crmRoutes(ad fiber.Router) {
	const at = "/plugins/:plugin/instances/:instance/sync"
	ad.Get(at, s.crmShow)
	ad.Post(at+"/settings", s.crmSettings)
	ad.Get(at+"/first", s.crmFirst)
	ad.Post(at+"/first", s.crmConfirm)
	ad.Post(at+"/now", s.crmSyncNow)
	ad.Post(at+"/paused", s.crmPaused)
	ad.Post(at+"/failures/:failure/retry", s.crmRetry)
}

// crmParam returns the instance the URL names, of its plugin; without a
// plugin host every connector page is not found.
func (s *Server) crmParam(c *fiber.Ctx) (*model.PluginInstance, error) {
	if s.crm == nil {
		return nil, fmt.Errorf("plugins are off: %w", model.ErrNotFound)
	}
	pl, err := s.pluginParam(c)
	if err != nil {
		return nil, err
	}
	return s.instanceParam(c, pl.ID)
}

func crmURL(in *model.PluginInstance) string {
	return "/admin/plugins/" + in.PluginID + "/instances/" + strconv.FormatInt(in.ID, 10) + "/sync"
}

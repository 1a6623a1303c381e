package web

import (
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/webhooks"
)

// webhookListPage is Admin > Webhooks: every endpoint with how its
// deliveries are going.
type webhookListPage struct {
	Base
	Endpoints []webhooks.Overview
}

// RetryFor says how long a delivery is retried, for the empty state.
func (webhookListPage) RetryFor() string {
	w := webhooks.RetryWindow().Round(time.Minute)
	h, m := int(w.Hours()), int(w.Minutes())%60
	return fmt.Sprintf("%s %s", count(h, "hour"), count(m, "minute"))
}

// webhookList lists the endpoints, or explains webhooks when there are none.
func (s *Server) webhookList(c *fiber.Ctx) error {
	eps, err := s.webhooks.Overviews(c.UserContext())
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "webhooks/list", "", webhookListPage{Base: base(c, "Webhooks", "webhooks"), Endpoints: eps})
}

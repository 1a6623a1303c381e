package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"
)

// companyTimeBillable sets whether time on the company's tickets is
// billable by default.
func (s *Server) companyTimeBillable(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	on := c.FormValue("billable") != ""
	if err := s.time.SetCompanyBillable(c.UserContext(), id, on); err != nil {
		return err
	}
	msg := "Time on this company's tickets is now non-billable by default."
	if on {
		msg = "Time on this company's tickets is now billable by default."
	}
	flash(c, msg)
	return redirect(c, fmt.Sprintf("/companies/%d", id))
}

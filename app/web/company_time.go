package web

import (
	"context"
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// companyTime is the time on a company's page: per listed ticket, for
// all its tickets, and whether new time is billable by default.
type companyTime struct {
	Tickets  map[int64]model.TimeTotals
	Total    model.TimeTotals
	Billable bool
}

// companyTime sums the time of the listed tickets and of the company.
func (s *Server) companyTime(ctx context.Context, id int64, ts []model.Ticket) (companyTime, error) {
	ids := make([]int64, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	var ct companyTime
	var err error
	if ct.Tickets, err = s.time.TicketsTotals(ctx, ids); err != nil {
		return ct, err
	}
	if ct.Total, err = s.time.CompanyTotals(ctx, id); err != nil {
		return ct, err
	}
	ct.Billable, err = s.time.CompanyBillable(ctx, id)
	return ct, err
}

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

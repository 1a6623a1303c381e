package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// timeRoutes maps time tracking on tickets and the reports. The ticket
// page loads its time panel from /tickets/:id/time, which is also a
// page of its own.
func (s *Server) timeRoutes(a fiber.Router) {
	a.Get("/tickets/:id/time", s.timePanel)
	a.Post("/tickets/:id/time", s.timeAdd)
	a.Post("/tickets/:id/time/timer", s.timerStart)
	a.Post("/tickets/:id/time/timer/stop", s.timerStop)
	a.Post("/tickets/:id/time/timer/discard", s.timerDiscard)
	a.Get("/tickets/:id/time/:entry/edit", s.timeEdit)
	a.Post("/tickets/:id/time/:entry", s.timeUpdate)
	a.Post("/tickets/:id/time/:entry/delete", s.timeDelete)
	a.Post("/companies/:id/time-billable", s.companyTimeBillable)
	a.Get("/reports", func(c *fiber.Ctx) error { return c.Redirect("/reports/timesheet") })
	a.Get("/reports/timesheet", s.reportShow)
	a.Get("/reports/timesheet/entries", s.reportEntries)
	a.Get("/reports/timesheet/contacts", s.reportContactOptions)
	a.Post("/reports/timesheet/export", s.reportExport)
	a.Get("/reports/timesheet/exports/:id", s.reportExportShow)
	a.Get("/reports/timesheet/exports/:id/download", s.reportExportDownload)
}

const (
	localTimer = "timer"
	// localNow is the server's time, from which the page's script counts
	// a timer, whatever the clock of the agent's computer says.
	localNow = "now"
)

// loadTimer finds the signed-in agent's running timer, which every
// agents' page shows in its header.
func (s *Server) loadTimer(c *fiber.Ctx) error {
	t, err := s.time.Timer(c.UserContext(), currentAgent(c).ID)
	if err != nil {
		return err
	}
	c.Locals(localTimer, t)
	c.Locals(localNow, s.store.Now().Unix())
	return c.Next()
}

func currentTimer(c *fiber.Ctx) *model.Timer {
	t, _ := c.Locals(localTimer).(*model.Timer)
	return t
}

package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/bulk"
	"github.com/portico-hub/portico/app/model"
)

// bulkJobPage shows a bulk change's progress.
type bulkJobPage struct {
	Base
	Job     *model.Job
	Request bulk.Request
	bulk.Result
	// CanCancel says the viewer may cancel it: they started it, or they
	// are an admin.
	CanCancel bool
}

// loadBulkJob reads the bulk change the URL names into its page.
func (s *Server) loadBulkJob(c *fiber.Ctx, title string) (bulkJobPage, error) {
	id, err := paramID(c, "job")
	if err != nil {
		return bulkJobPage{}, err
	}
	j, req, err := s.bulk.Job(c.UserContext(), id)
	if err != nil {
		return bulkJobPage{}, err
	}
	p := bulkJobPage{Base: base(c, title, "contacts"), Job: j, Request: req, Result: bulk.ResultOf(j),
		CanCancel: j.MayCancel(currentAgent(c))}
	if p.Title == "" {
		p.Title = p.Heading()
	}
	return p, nil
}

// bulkJobShow shows a bulk change's progress; while it runs, the page
// asks for its progress fragment again every second.
func (s *Server) bulkJobShow(c *fiber.Ctx) error {
	p, err := s.loadBulkJob(c, "")
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "contacts/bulk_job", "contacts/_bulk_progress", p)
}

// bulkJobCancelConfirm asks before a bulk change is cancelled.
func (s *Server) bulkJobCancelConfirm(c *fiber.Ctx) error {
	p, err := s.loadBulkJob(c, "Cancel the change")
	if err != nil {
		return err
	}
	if !p.CanCancel {
		return model.ErrForbidden
	}
	if p.Job.State.Finished() {
		return redirect(c, fmt.Sprintf("/bulk/%d", p.Job.ID))
	}
	return render(c, fiber.StatusOK, "contacts/bulk_cancel", "", p)
}

// bulkJobCancel cancels a bulk change: at once when it waits, after the
// batch it is changing when it runs. The contacts changed by then stay so.
func (s *Server) bulkJobCancel(c *fiber.Ctx) error {
	id, err := paramID(c, "job")
	if err != nil {
		return err
	}
	if err := s.bulk.Cancel(c.UserContext(), currentAgent(c), id); err != nil {
		return err
	}
	flash(c, "Cancelled. The contacts changed before it stops stay changed.")
	return redirect(c, fmt.Sprintf("/bulk/%d", id))
}

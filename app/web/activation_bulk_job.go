package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/model"
)

// bulkPage shows a bulk send's progress (activation_bulk_page.go).
type bulkPage struct {
	Base
	Job *model.Job
	activation.Progress
	// CanCancel says the viewer may cancel the send: they started it, or
	// they are an admin.
	CanCancel bool
	// KeptInMailbox says SMTP is not configured: the queued emails are
	// kept in the built-in mailbox, not sent.
	KeptInMailbox bool
}

// loadBulk reads the bulk send the URL names into its page.
func (s *Server) loadBulk(c *fiber.Ctx, title string) (bulkPage, error) {
	id, err := paramID(c, "job")
	if err != nil {
		return bulkPage{}, err
	}
	j, err := s.activation.BulkJob(c.UserContext(), id)
	if err != nil {
		return bulkPage{}, err
	}
	p := bulkPage{Base: base(c, title, "contacts"), Job: j, Progress: activation.ProgressOf(j),
		CanCancel: activation.MayCancel(currentAgent(c), j), KeptInMailbox: s.mailKept(c.UserContext())}
	if p.Title == "" {
		p.Title = p.Heading()
	}
	return p, nil
}

// bulkActivationShow shows a bulk send's progress; while it runs, the
// page asks for its progress fragment again every second.
func (s *Server) bulkActivationShow(c *fiber.Ctx) error {
	p, err := s.loadBulk(c, "")
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "contacts/activation_job", "contacts/_activation_progress", p)
}

// bulkActivationCancelConfirm asks before a bulk send is cancelled.
func (s *Server) bulkActivationCancelConfirm(c *fiber.Ctx) error {
	p, err := s.loadBulk(c, "Cancel the activation emails")
	if err != nil {
		return err
	}
	if !p.CanCancel {
		return model.ErrForbidden
	}
	if p.Job.State.Finished() {
		return redirect(c, fmt.Sprintf("/activations/%d", p.Job.ID))
	}
	return render(c, fiber.StatusOK, "contacts/activation_cancel", "", p)
}

// bulkActivationCancel cancels a bulk send: at once when it waits, after
// the batch it is queuing when it runs. The emails queued by then stay.
func (s *Server) bulkActivationCancel(c *fiber.Ctx) error {
	p, err := s.loadBulk(c, "")
	if err != nil {
		return err
	}
	if err := s.activation.CancelBulk(c.UserContext(), currentAgent(c), p.Job.ID); err != nil {
		return err
	}
	if !p.Job.State.Finished() {
		flash(c, "Cancelled. The emails queued before it stops stay queued.")
	}
	return redirect(c, fmt.Sprintf("/activations/%d", p.Job.ID))
}

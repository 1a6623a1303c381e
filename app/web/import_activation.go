package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
)

// HeldBecause says why an import's new contacts were not emailed, or ""
// when they are not waiting for anyone: none is held, or a send of them
// waits or runs.
func (p importPage) HeldBecause() string {
	if p.Activations.Held == 0 || p.Activations.Sending() || !p.Run.State.Finished() {
		return ""
	}
	switch {
	case p.SendCancelled():
		return "because sending them was cancelled"
	case p.Run.State == model.JobCancelled:
		return "because the import was cancelled"
	case p.Run.State == model.JobFailed:
		return "because the import stopped with an error"
	}
	return "because sending them did not finish"
}

// SendProgress is how far the newest send of the activation emails got.
func (p importPage) SendProgress() activation.Progress {
	if p.Activations.Job == nil {
		return activation.Progress{}
	}
	return activation.ProgressOf(p.Activations.Job)
}

// SendCancelled reports that the newest send of the activation emails
// was cancelled.
func (p importPage) SendCancelled() bool {
	return p.Activations.Job != nil && p.Activations.Job.State == model.JobCancelled
}

// SendSkipped counts the contacts the newest send skipped: no address,
// or no longer unverified.
func (p importPage) SendSkipped() int {
	sp := p.SendProgress()
	return sp.Done() - sp.Sent
}

// Polling reports a page that changes by itself: the import runs, or its
// activation emails are being sent.
func (p importPage) Polling() bool { return !p.Run.State.Finished() || p.Activations.Sending() }

// importActivationSend sends the activation emails a cancelled or failed
// import held back, once confirmed: by hx-confirm with JavaScript, by a
// page saying how many without. Sending twice queues nothing the second
// time, and the flash says so.
func (s *Server) importActivationSend(c *fiber.Ctx) error {
	r, err := s.loadImport(c)
	if err != nil {
		return err
	}
	if c.FormValue("confirmed") != "1" {
		return s.importActivationConfirm(c, r)
	}
	n, err := imports.SendHeld(c.UserContext(), s.imports, currentAgent(c), r.ID)
	fields, invalid := fieldErrors(err)
	switch {
	case invalid:
		flash(c, firstMessage(fields))
	case err != nil:
		return err
	default:
		flash(c, sendHeldMessage(n))
	}
	return redirect(c, fmt.Sprintf("%s/imports/%d", kindOf(c).Path(), r.ID))
}

// sendHeldMessage words what a request to send held emails did.
func sendHeldMessage(n int) string {
	if n == 0 {
		return "Nothing to send: these contacts have already been sent the activation email, or it is on its way."
	}
	return fmt.Sprintf("Queuing activation emails for %s.", count(n, "contact"))
}

// importActivationConfirm asks, without JavaScript, before the held
// activation emails go out, saying to how many contacts.
func (s *Server) importActivationConfirm(c *fiber.Ctx, r *importRun) error {
	p, err := s.importPageOf(c, "Send activation emails?", r)
	if err != nil {
		return err
	}
	if p.HeldBecause() == "" {
		flash(c, sendHeldMessage(0))
		return redirect(c, fmt.Sprintf("%s/imports/%d", kindOf(c).Path(), r.ID))
	}
	return render(c, fiber.StatusOK, "imports/activation_confirm", "", p)
}

package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
)

// importPage is an import's progress, live while it runs.
type importPage struct {
	importBase
	Run *importRun
	// Activations is where the activation emails of a contacts import's
	// new contacts stand (import_activation.go).
	Activations imports.Activations
	// KeptInMailbox says SMTP is not configured: the activation emails
	// queued are kept in the built-in mailbox, not sent.
	KeptInMailbox bool
	// Failures says why rows failed, once the import has ended.
	Failures imports.FailureSummary
}

// importShow shows an import's progress. HTMX polls it every second for
// the progress fragment, which stops polling once the import, and the
// sending of its activation emails, end; the page itself works without
// script and shows the state when loaded.
func (s *Server) importShow(c *fiber.Ctx) error {
	r, err := s.loadImport(c)
	if err != nil {
		return err
	}
	p, err := s.importPageOf(c, "Import · "+r.Filename, r)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "imports/show", "imports/_progress", p)
}

// importPageOf is an import's page, with where its activation emails
// stand and, once it has ended, why its rows failed.
func (s *Server) importPageOf(c *fiber.Ctx, title string, r *importRun) (importPage, error) {
	acts, err := imports.ActivationsOf(c.UserContext(), s.imports, r.Import)
	if err != nil {
		return importPage{}, err
	}
	p := importPage{importBase: s.importBase(c, title), Run: r, Activations: acts, KeptInMailbox: s.mailKept(c.UserContext())}
	if r.Failed > 0 && r.State.Finished() {
		p.Failures, err = imports.SummariseFailures(c.UserContext(), s.imports, r.ID)
	}
	return p, err
}

// importCancelConfirm asks before an import is cancelled.
func (s *Server) importCancelConfirm(c *fiber.Ctx) error {
	r, err := s.loadImport(c)
	if err != nil {
		return err
	}
	if r.State.Finished() {
		return redirect(c, fmt.Sprintf("%s/imports/%d", kindOf(c).Path(), r.ID))
	}
	return render(c, fiber.StatusOK, "imports/cancel", "", importPage{importBase: s.importBase(c, "Cancel import"), Run: r})
}

// importCancel cancels an import: at once when it waits, after its batch
// in flight when it runs. The rows already imported stay.
func (s *Server) importCancel(c *fiber.Ctx) error {
	r, err := s.loadImport(c)
	if err != nil {
		return err
	}
	if err := imports.Cancel(c.UserContext(), s.imports, currentAgent(c), r.ID); err != nil {
		return err
	}
	if !r.State.Finished() {
		if im, err := imports.Get(c.UserContext(), s.imports, r.ID); err == nil {
			flash(c, cancelMessage(im))
		}
	}
	return redirect(c, fmt.Sprintf("%s/imports/%d", kindOf(c).Path(), r.ID))
}

// cancelMessage words what a cancel did: an import that waited stopped
// at once, one that runs stops after the batch it writes, and rows are
// said to stay only when some were imported.
func cancelMessage(im *model.Import) string {
	switch {
	case im.State == model.JobCancelled && im.Rows() == 0:
		return "Import cancelled before any row was imported."
	case im.State == model.JobCancelled:
		return "Import cancelled. The rows imported before it stopped stay."
	case im.State.Finished():
		return "The import had already finished."
	}
	return "Cancelling: the import stops after the rows it is writing now, which stay."
}

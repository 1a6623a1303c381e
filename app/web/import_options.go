package web

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
)

// importOptionsPage is the wizard's last step: how rows apply.
type importOptionsPage struct {
	Base
	Draft *model.ImportDraft
	// Busy is the import that refused this one; Problem why the file
	// cannot be imported.
	Busy    *busyImport
	Problem string
}

// busyImport is the import that runs while another is asked for.
type busyImport struct {
	Message string
	ID      int64
	// Visible says the viewer may open it, and so cancel it.
	Visible bool
}

// Step numbers the wizard's steps for the step bar.
func (importOptionsPage) Step() int { return 4 }

// importOptions shows the options step.
func (s *Server) importOptions(c *fiber.Ctx) error {
	d, err := s.loadDraft(c)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "imports/options", "", importOptionsPage{Base: base(c, "Options · "+d.Filename, "contacts"), Draft: d})
}

// importStart records the options, then counts again with them or
// starts the import and opens its progress; the draft is done with.
func (s *Server) importStart(c *fiber.Ctx) error {
	d, err := s.loadDraft(c)
	if err != nil {
		return err
	}
	readOptions(c, d)
	if c.FormValue("action") == "recount" {
		if err := s.countDraft(c.UserContext(), actor(c), d); err != nil {
			return s.refuseStart(c, d, err)
		}
		return redirect(c, fmt.Sprintf("/contacts/import/%d/review", d.ID))
	}
	if err := s.store.SaveImportDraft(c.UserContext(), d); err != nil {
		return err
	}
	p, err := draftParams(d, false)
	if err != nil {
		return err
	}
	id, err := imports.Start(c.UserContext(), s.imports, s.jobs, actor(c), p)
	if err != nil {
		return s.refuseStart(c, d, err)
	}
	if err := s.discardDraft(c.UserContext(), d); err != nil {
		s.log.Warn("discarding a started draft", "draft", d.ID, "err", err)
	}
	flash(c, "Import started. It goes on if you leave this page.")
	return redirect(c, fmt.Sprintf("/contacts/imports/%d", id))
}

// refuseStart shows the options again with why the import cannot start.
func (s *Server) refuseStart(c *fiber.Ctx, d *model.ImportDraft, err error) error {
	p := importOptionsPage{Base: base(c, "Options · "+d.Filename, "contacts"), Draft: d}
	var be *imports.BusyError
	var fe *importfile.FileError
	status := fiber.StatusUnprocessableEntity
	switch fields, ok := fieldErrors(err); {
	case errors.As(err, &be):
		p.Busy, status = s.busyImport(c.UserContext(), currentAgent(c), be), fiber.StatusConflict
	case errors.As(err, &fe):
		p.Problem = fe.Error()
	case ok:
		p.Errors = fields
	default:
		return err
	}
	return render(c, status, "imports/options", "", p)
}

func (s *Server) busyImport(ctx context.Context, viewer *model.Agent, be *imports.BusyError) *busyImport {
	b := &busyImport{Message: be.Error(), ID: be.ImportID}
	if im, err := s.store.Import(ctx, be.ImportID); err == nil {
		b.Visible = maySee(viewer, im)
	}
	return b
}

// readOptions takes the form's choices; a value that is not a choice
// keeps the draft's.
func readOptions(c *fiber.Ctx, d *model.ImportDraft) {
	pick := func(cur *string, name string, choices ...string) {
		if v := c.FormValue(name); slices.Contains(choices, v) {
			*cur = v
		}
	}
	pick(&d.Mode, "mode", string(imports.ModeCreate), string(imports.ModeUpdate), string(imports.ModeUpsert))
	pick(&d.Match, "match", string(imports.MatchEmail), string(imports.MatchExternalID), string(imports.MatchPhone))
	pick(&d.Blank, "blank", string(imports.BlankKeep), string(imports.BlankClear))
	d.SendActivation = c.FormValue("send_activation") == "on"
}

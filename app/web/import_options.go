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
	importBase
	Draft *model.ImportDraft
	// Busy is the import that refused this one; Problem why the file
	// cannot be imported.
	Busy    *busyImport
	Problem string
}

// busyImport is the import that runs while another is asked for.
type busyImport struct {
	Message string
	// Visible says the viewer may open it, and so cancel it, at URL: a
	// page of its own kind, which may not be the one asked for.
	Visible bool
	URL     string
}

// Step numbers the wizard's steps for the step bar.
func (importOptionsPage) Step() int { return 4 }

// importOptions shows the options step.
func (s *Server) importOptions(c *fiber.Ctx) error {
	d, err := s.loadDraft(c)
	if err != nil {
		return err
	}
	p := importOptionsPage{importBase: s.importBase(c, "Options · "+d.Filename), Draft: d}
	return render(c, fiber.StatusOK, "imports/options", "", p)
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
		if err := imports.CountDraft(c.UserContext(), s.imports, s.jobs, actor(c), d); err != nil {
			return s.refuseStart(c, d, err)
		}
		return redirect(c, fmt.Sprintf("%s/import/%d/review", kindOf(c).Path(), d.ID))
	}
	if err := imports.SaveDraft(c.UserContext(), s.imports, d); err != nil {
		return err
	}
	p, err := imports.DraftParams(d, false)
	if err != nil {
		return err
	}
	id, err := imports.Start(c.UserContext(), s.imports, s.jobs, actor(c), p)
	if err != nil {
		return s.refuseStart(c, d, err)
	}
	if err := imports.DiscardDraft(c.UserContext(), s.imports, d); err != nil {
		s.log.Warn("discarding a started draft", "draft", d.ID, "err", err)
	}
	flash(c, "Import started. It goes on if you leave this page.")
	return redirect(c, fmt.Sprintf("%s/imports/%d", kindOf(c).Path(), id))
}

// refuseStart shows the options again with why the import cannot start.
func (s *Server) refuseStart(c *fiber.Ctx, d *model.ImportDraft, err error) error {
	p := importOptionsPage{importBase: s.importBase(c, "Options · "+d.Filename), Draft: d}
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
	b := &busyImport{Message: be.Error()}
	if im, err := imports.Get(ctx, s.imports, be.ImportID); err == nil {
		b.Visible, b.URL = imports.MaySee(viewer, im), fmt.Sprintf("/%s/imports/%d", im.Kind, im.ID)
	}
	return b
}

// readOptions takes the form's choices; a value that is not a choice
// keeps the draft's. Companies have one match key and no activation.
func readOptions(c *fiber.Ctx, d *model.ImportDraft) {
	pick := func(cur *string, name string, choices ...string) {
		if v := c.FormValue(name); slices.Contains(choices, v) {
			*cur = v
		}
	}
	pick(&d.Mode, "mode", string(imports.ModeCreate), string(imports.ModeUpdate), string(imports.ModeUpsert))
	pick(&d.Blank, "blank", string(imports.BlankKeep), string(imports.BlankClear))
	if d.Kind == string(imports.KindContacts) {
		pick(&d.Match, "match", string(imports.MatchEmail), string(imports.MatchExternalID),
			string(imports.MatchTwitterID), string(imports.MatchPhone))
		d.SendActivation = c.FormValue("send_activation") == "on"
	}
}

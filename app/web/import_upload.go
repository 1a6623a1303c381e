package web

import (
	"errors"
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
)

// importUploadPage is the wizard's first step.
type importUploadPage struct {
	importBase
	MaxBytes int64
	MaxRows  int
	Error    string
}

// Step numbers the wizard's steps for the step bar.
func (importUploadPage) Step() int { return 1 }

// MaxSize words the largest file accepted.
func (p importUploadPage) MaxSize() string {
	if p.MaxBytes >= 1<<20 {
		return fmt.Sprintf("%d MB", p.MaxBytes>>20)
	}
	return fmt.Sprintf("%d KB", p.MaxBytes>>10)
}

// MaxExpanded words how far an Excel sheet may unpack.
func (importUploadPage) MaxExpanded() string {
	return fmt.Sprintf("%d MB", int64(importfile.DefaultMaxExpanded)>>20)
}

// MaxHeld words how much of a workbook besides its sheet may be unpacked.
func (importUploadPage) MaxHeld() string { return fmt.Sprintf("%d MB", importfile.MaxHeld>>20) }

// importNew shows the upload form.
func (s *Server) importNew(c *fiber.Ctx) error {
	return s.renderUpload(c, fiber.StatusOK, "")
}

func (s *Server) renderUpload(c *fiber.Ctx, status int, msg string) error {
	p := importUploadPage{importBase: s.importBase(c, "Import "+kindOf(c).Plural()), MaxBytes: s.imports.Limits.MaxBytes,
		MaxRows: s.imports.Limits.MaxRows, Error: msg}
	return render(c, status, "imports/upload", "", p)
}

// importUpload keeps the uploaded file as a draft and goes on to the
// mapping. A file that cannot be read is refused with the reason.
func (s *Server) importUpload(c *fiber.Ctx) error {
	fh, err := c.FormFile("file")
	if err != nil {
		return s.renderUpload(c, fiber.StatusUnprocessableEntity, "Choose a CSV or Excel (.xlsx) file to import.")
	}
	if err := imports.SweepDrafts(c.UserContext(), s.imports); err != nil {
		s.log.Warn("sweeping abandoned uploads", "err", err)
	}
	k := kindOf(c)
	id, err := s.keepUpload(c, model.ImportDraft{CreatedBy: currentAgent(c).ID, Kind: string(k.Kind),
		Match: string(k.Match)}, fh)
	var fe *importfile.FileError
	switch {
	case errors.As(err, &fe):
		return s.renderUpload(c, fiber.StatusUnprocessableEntity, fe.Error())
	case errors.Is(err, errParsersBusy):
		return s.renderUpload(c, errParsersBusy.Code, errParsersBusy.Message)
	}
	if err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("%s/import/%d/map", k.Path(), id))
}

package web

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
)

// importMap shows the mapping step: how the file is read, and for each
// column its header, a few values and the field it fills.
func (s *Server) importMap(c *fiber.Ctx) error {
	d, err := s.loadDraft(c)
	if err != nil {
		return err
	}
	return s.renderMap(c, d, fiber.StatusOK, nil)
}

// importMapSave records a changed dialect or mapping. A changed dialect
// reads the header again and suggests the mapping anew; "Continue"
// checks the mapping and starts counting what the import would do.
func (s *Server) importMapSave(c *fiber.Ctx) error {
	d, err := s.loadDraft(c)
	if err != nil {
		return err
	}
	old, err := imports.DraftDialect(d)
	if err != nil {
		return err
	}
	dl := readDialect(c, old)
	pre, err := s.previewFor(c.UserContext(), imports.Kind(d.Kind), d.Path, dl, nil)
	if err != nil {
		return s.saveUnreadable(c, d, dl, err)
	}
	m := pre.Mapping
	if dl == old {
		m = readMapping(c, pre)
	}
	dl = pre.Dialect // with the sheet and header row read
	if err := s.saveMapping(c, d, dl, m); err != nil {
		return err
	}
	if c.FormValue("step") != "next" || dl != old { // a new reading is shown before it is used
		return s.renderMap(c, d, fiber.StatusOK, nil)
	}
	if err := m.Validate(); err != nil {
		fields, _ := fieldErrors(err)
		return s.renderMap(c, d, fiber.StatusUnprocessableEntity, fields)
	}
	if err := imports.CountDraft(c.UserContext(), s.imports, s.jobs, actor(c), d); err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("%s/import/%d/review", kindOf(c).Path(), d.ID))
}

// saveUnreadable keeps a dialect that cannot read the file, so the page
// shows the choice with the reason and the person can pick another.
func (s *Server) saveUnreadable(c *fiber.Ctx, d *model.ImportDraft, dl importfile.Dialect, err error) error {
	var fe *importfile.FileError
	if !errors.As(err, &fe) {
		return err
	}
	if err := s.saveMapping(c, d, dl, importfile.Mapping{}); err != nil {
		return err
	}
	return s.renderMap(c, d, fiber.StatusUnprocessableEntity, nil)
}

func (s *Server) saveMapping(c *fiber.Ctx, d *model.ImportDraft, dl importfile.Dialect, m importfile.Mapping) error {
	return imports.SaveReading(c.UserContext(), s.imports, d, dl, m)
}

// readDialect takes the encoding, delimiter, sheet and header choices
// of the form; a value that is not one of the choices keeps the old one.
// Another sheet has its header row detected anew.
func readDialect(c *fiber.Ctx, old importfile.Dialect) importfile.Dialect {
	dl := old
	if n, err := strconv.Atoi(c.FormValue("header_row")); err == nil && n > 0 {
		dl.HeaderRow = n
	}
	if sh := c.FormValue("sheet"); sh != "" && sh != dl.Sheet && dl.Kind == importfile.KindXLSX {
		dl.Sheet, dl.HeaderRow = sh, 0
	}
	if e, err := importfile.ParseEncoding(c.FormValue("encoding")); err == nil && dl.Kind == importfile.KindCSV {
		dl.Encoding = e
	}
	if r, err := importfile.ParseDelimiter(c.FormValue("delimiter")); err == nil && dl.Kind == importfile.KindCSV {
		dl.Delimiter = r
	}
	dl.Header = c.FormValue("header") == "on"
	return dl
}

// readMapping takes the field chosen for each column of the previewed
// file, starting from its suggested mapping, so the mapping keeps the
// file's kind; a field the kind does not know skips the column.
func readMapping(c *fiber.Ctx, pre *imports.Preview) importfile.Mapping {
	m := pre.Mapping
	m.Columns = make([]importfile.Field, len(pre.Header))
	for i := range pre.Header {
		v := c.FormValue(fmt.Sprintf("col_%d", i))
		for _, f := range pre.Fields {
			if f.Value == v {
				m.Columns[i] = importfile.Field(v)
			}
		}
	}
	return m
}

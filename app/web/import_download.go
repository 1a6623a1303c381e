package web

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/imports"
)

// importFile sends an import's file as it was uploaded.
func (s *Server) importFile(c *fiber.Ctx) error {
	r, err := s.loadImport(c)
	if err != nil {
		return err
	}
	f, err := os.Open(r.Path)
	if errors.Is(err, os.ErrNotExist) {
		return fiber.NewError(fiber.StatusNotFound, "The file of this import is no longer kept.")
	}
	if err != nil {
		return fmt.Errorf("web: open file of import %d: %w", r.ID, err)
	}
	ctype, ext := fileType(r.Dialect)
	attach(c, strings.TrimSuffix(r.Filename, filepath.Ext(r.Filename))+ext, ctype)
	return c.SendStream(f) // closed once sent
}

// importFailures sends an import's failed rows as CSV: row number,
// reason, then the row's cells under the file's header, ready to fix and
// import again. It starts with a byte order mark so that Excel reads it
// as UTF-8; an import skips the mark.
func (s *Server) importFailures(c *fiber.Ctx) error {
	r, err := s.loadImport(c)
	if err != nil {
		return err
	}
	attach(c, strings.TrimSuffix(r.Filename, filepath.Ext(r.Filename))+"-failed-rows.csv", "text/csv; charset=utf-8")
	d, id, log := s.imports, r.ID, s.log
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		w.WriteString("\ufeff")
		if err := imports.WriteFailures(context.Background(), d, id, w); err != nil {
			log.Error("writing failed rows", "import", id, "err", err)
		}
		w.Flush()
	})
	return nil
}

// fileType is the exact type of an import's file and the extension its
// download is named with, from the format it was read as; its name,
// chosen by whoever uploaded it, never decides, so evil.html comes back
// as evil.csv.
func fileType(dialect string) (ctype, ext string) {
	var dl importfile.Dialect
	_ = json.Unmarshal([]byte(dialect), &dl) // an unknown format goes as bytes
	switch dl.Kind {
	case importfile.KindCSV:
		return "text/csv", ".csv"
	case importfile.KindXLSX:
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"
	}
	return "application/octet-stream", ".bin"
}

// attach makes the answer a download of type ctype named name, in any
// script, that no browser shows in place or sniffs for another type: an
// uploaded evil.html comes back as a file to save, never as a page.
func attach(c *fiber.Ctx, name, ctype string) {
	c.Set(fiber.HeaderContentType, ctype)
	c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": name}))
}

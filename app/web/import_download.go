package web

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"mime"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofiber/fiber/v2"

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
	attach(c, r.Filename)
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
	attach(c, strings.TrimSuffix(r.Filename, filepath.Ext(r.Filename))+"-failed-rows.csv")
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

// attach makes the answer a download named name, in any script.
func attach(c *fiber.Ctx, name string) {
	c.Type(filepath.Ext(name))
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": name}))
}

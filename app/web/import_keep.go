package web

import (
	"context"
	"fmt"
	"mime/multipart"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/token"
)

// keepUpload saves the upload under the files folder, checks that it can
// be read and records it as draft d with the suggested mapping.
func (s *Server) keepUpload(c *fiber.Ctx, d model.ImportDraft, fh *multipart.FileHeader) (int64, error) {
	dir := filepath.Join(s.imports.FilesDir, "imports", "drafts")
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return 0, fmt.Errorf("web: create %s: %w", dir, err)
	}
	d.Filename, d.Size = uploadName(fh.Filename), fh.Size
	d.Path = filepath.Join(dir, token.New()+strings.ToLower(filepath.Ext(d.Filename)))
	if err := c.SaveFile(fh, d.Path); err != nil {
		return 0, err
	}
	id, err := s.draftOf(c.UserContext(), d)
	if err != nil {
		os.Remove(d.Path)
	}
	return id, err
}

// draftOf reads the upload d, one parser at a time, and records it as a
// draft with the suggested mapping.
func (s *Server) draftOf(ctx context.Context, d model.ImportDraft) (int64, error) {
	var pre *imports.Preview
	err := s.parsers.do(ctx, func() (err error) {
		pre, err = imports.PrepareFor(imports.Kind(d.Kind), d.Path, d.Filename, s.imports.Limits)
		return err
	})
	if err != nil {
		return 0, err
	}
	return imports.NewDraft(ctx, s.imports, d, pre)
}

// uploadName is the file's own name without any folder a browser sent,
// cut to a sensible length, or "upload" when it has none.
func uploadName(name string) string {
	name = strings.TrimSpace(filepath.Base(strings.ReplaceAll(name, "\\", "/")))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 120 {
		name = string(r[len(r)-120:])
	}
	if name == "" || name == "." || name == "/" {
		return "upload"
	}
	return name
}

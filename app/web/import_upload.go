package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime/multipart"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
)

// importUploadPage is the wizard's first step.
type importUploadPage struct {
	Base
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

// importNew shows the upload form.
func (s *Server) importNew(c *fiber.Ctx) error {
	return s.renderUpload(c, fiber.StatusOK, "")
}

func (s *Server) renderUpload(c *fiber.Ctx, status int, msg string) error {
	p := importUploadPage{Base: base(c, "Import contacts", "contacts"), MaxBytes: s.imports.Limits.MaxBytes,
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
	s.sweepDrafts(c.UserContext())
	id, err := s.keepUpload(c.UserContext(), currentAgent(c).ID, fh)
	var fe *importfile.FileError
	if errors.As(err, &fe) {
		return s.renderUpload(c, fiber.StatusUnprocessableEntity, fe.Error())
	}
	if err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/contacts/import/%d/map", id))
}

// keepUpload saves the upload under the files folder, checks that it can
// be read and records it as a draft with the suggested mapping.
func (s *Server) keepUpload(ctx context.Context, agentID int64, fh *multipart.FileHeader) (int64, error) {
	dir := filepath.Join(s.imports.FilesDir, "imports", "drafts")
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return 0, fmt.Errorf("web: create %s: %w", dir, err)
	}
	name := uploadName(fh.Filename)
	path := filepath.Join(dir, agent.NewToken()+strings.ToLower(filepath.Ext(name)))
	if err := fasthttp.SaveMultipartFile(fh, path); err != nil {
		return 0, err
	}
	id, err := s.draftOf(ctx, agentID, path, name, fh.Size)
	if err != nil {
		os.Remove(path)
	}
	return id, err
}

func (s *Server) draftOf(ctx context.Context, agentID int64, path, name string, size int64) (int64, error) {
	pre, err := imports.Prepare(path, name, s.imports.Limits)
	if err != nil {
		return 0, err
	}
	dl, err := json.Marshal(pre.Dialect)
	if err != nil {
		return 0, fmt.Errorf("web: encode dialect: %w", err)
	}
	auto, err := s.store.ActivationAuto(ctx)
	if err != nil {
		return 0, err
	}
	return s.store.CreateImportDraft(ctx, model.ImportDraft{CreatedBy: agentID, Filename: name, Path: path, Size: size,
		Dialect: string(dl), Mapping: pre.Mapping.Specs(), SendActivation: auto})
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

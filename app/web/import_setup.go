package web

import (
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/store"
)

// importDeps is the import engine as the configuration bounds it; the
// wizard and the import job share it, so both read files alike.
func importDeps(cfg *config.Config, log *slog.Logger, st *store.Store) imports.Deps {
	d := imports.Deps{Store: st, FilesDir: cfg.FilesDir, Log: log}
	d.Limits.MaxBytes, d.Limits.MaxRows = int64(cfg.ImportMaxMB)<<20, cfg.ImportMaxRows
	return d
}

// uploadLimits lets the upload of an import file, alone, be as large as
// an import may be and take up to ten minutes; every other request keeps
// the small body limit, so no other route buffers a large body. A file
// a little over the limit still arrives, so the wizard can say so in
// words; fasthttp streams a multipart body to temporary files, not to
// memory. Fiber has no hook of its own for this, so it is fasthttp's.
func (s *Server) uploadLimits(h *fasthttp.RequestHeader) fasthttp.RequestConfig {
	var u fasthttp.URI
	if string(h.Method()) != fiber.MethodPost || u.Parse(h.Host(), h.RequestURI()) != nil {
		return fasthttp.RequestConfig{}
	}
	for _, k := range importKinds {
		if string(u.Path()) == k.Path()+"/import" {
			return fasthttp.RequestConfig{MaxRequestBodySize: int(s.imports.Limits.MaxBytes) + 1<<20, ReadTimeout: 10 * time.Minute}
		}
	}
	return fasthttp.RequestConfig{}
}

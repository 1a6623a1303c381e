package web

import (
	"context"
	"net/http"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/portico-hub/portico/app/config"
)

// refusedBody is the body an upload may have when it is refused from its
// headers: any file is longer, so it is refused before a byte is read.
const refusedBody = 1

// uploadLimits lets the upload of an import file, alone, be as large as
// an import may be and take up to ten minutes; every other request keeps
// the small body limit, so no other route buffers a large body. It runs
// once the headers are in, before the body is read: an upload from
// anyone but a signed-in agent, or sent from another site, is refused
// there (uploadRefusal words it), so nobody can make the server take in
// a large body without signing in. A file a little over the limit still
// arrives, so the wizard can say so in words; fasthttp streams a
// multipart body to temporary files, not to memory. Fiber has no hook of
// its own for this, so it is fasthttp's.
func (s *Server) uploadLimits(h *fasthttp.RequestHeader) fasthttp.RequestConfig {
	switch {
	case !isUpload(h):
		return fasthttp.RequestConfig{}
	case !s.mayUpload(h):
		return fasthttp.RequestConfig{MaxRequestBodySize: refusedBody}
	}
	return fasthttp.RequestConfig{MaxRequestBodySize: int(s.imports.Limits.MaxBytes) + 1<<20, ReadTimeout: 10 * time.Minute}
}

// isUpload tells a post of an import file from its headers.
func isUpload(h *fasthttp.RequestHeader) bool {
	var u fasthttp.URI
	if string(h.Method()) != fiber.MethodPost || u.Parse(h.Host(), h.RequestURI()) != nil {
		return false
	}
	for _, k := range importKinds {
		if string(u.Path()) == k.Path()+"/import" {
			return true
		}
	}
	return false
}

// mayUpload checks, from the headers alone, that an upload comes from a
// signed-in agent's browser on Portico's own pages: a live session, and
// no sign of another site (Sec-Fetch-Site, or an Origin of another
// host). The CSRF token, in the body, is checked once the body is in.
func (s *Server) mayUpload(h *fasthttp.RequestHeader) bool {
	token := string(h.Cookie(sessionCookie))
	if token == "" {
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, _, err := s.agents.Resume(ctx, token); err != nil {
		return false
	}
	req := &http.Request{Method: http.MethodPost, Host: string(h.Host()), Header: http.Header{}}
	for _, name := range []string{"Origin", "Sec-Fetch-Site"} {
		if v := h.Peek(name); len(v) > 0 {
			req.Header.Set(name, string(v))
		}
	}
	return s.sameOrigin.Check(req) == nil
}

// uploadRefusal is the error page's message for an upload refused from
// its headers, or "" for a request that was not.
func (s *Server) uploadRefusal(h *fasthttp.RequestHeader) string {
	if !isUpload(h) || s.mayUpload(h) {
		return ""
	}
	return "This upload was refused before it was read: sign in to Portico, open the import page again and choose the file there."
}

// newSameOrigin trusts requests from Portico's own pages, at the base URL
// as well as at whatever host the request names.
func newSameOrigin(cfg *config.Config) *http.CrossOriginProtection {
	p := http.NewCrossOriginProtection()
	if cfg.ParsedBase != nil {
		_ = p.AddTrustedOrigin(cfg.ParsedBase.Scheme + "://" + cfg.ParsedBase.Host) // scheme and host alone always form an origin
	}
	return p
}

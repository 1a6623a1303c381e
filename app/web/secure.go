package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// secureTransport, on a server whose base URL is https, tells browsers
// to come back over https only (Strict-Transport-Security) and marks
// every cookie the answer sets Secure, whichever handler set it, so none
// is ever sent in clear text. It runs outside the error handler, so the
// cookies of error pages are marked too.
func (s *Server) secureTransport(c *fiber.Ctx) error {
	err := c.Next()
	if !s.cfg.SecureCookie {
		return err
	}
	if age := int64(s.cfg.HSTSMaxAge.Seconds()); age > 0 {
		c.Set(fiber.HeaderStrictTransportSecurity, "max-age="+strconv.FormatInt(age, 10))
	}
	secureCookies(&c.Response().Header)
	return err
}

func secureCookies(h *fasthttp.ResponseHeader) {
	var cookies []*fasthttp.Cookie
	h.VisitAllCookie(func(_, value []byte) {
		ck := fasthttp.AcquireCookie()
		if ck.ParseBytes(value) == nil {
			cookies = append(cookies, ck)
		}
	})
	for _, ck := range cookies {
		ck.SetSecure(true)
		h.SetCookie(ck)
		fasthttp.ReleaseCookie(ck)
	}
}

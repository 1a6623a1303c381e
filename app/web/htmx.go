package web

import "github.com/gofiber/fiber/v2"

// HTMX request and response headers.
const (
	hxRequest        = "HX-Request"
	hxBoosted        = "HX-Boosted"
	hxHistoryRestore = "HX-History-Restore-Request"
	hxTarget         = "HX-Target"
	hxTrigger        = "HX-Trigger"
	hxRedirect       = "HX-Redirect"
	hxPushURL        = "HX-Push-Url"
	csrfHeader       = "X-CSRF-Token"
	csrfField        = "_csrf"
)

// isPartial reports whether the request wants a fragment rather than a
// page: an HTMX request that is neither boosted nor a history restore.
func isPartial(c *fiber.Ctx) bool {
	return c.Get(hxRequest) == "true" && c.Get(hxBoosted) != "true" && c.Get(hxHistoryRestore) != "true"
}

package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// Base is the data every page shares, built once per request.
type Base struct {
	Title  string
	Agent  *model.Agent
	CSRF   string
	Nav    string
	Flash  string
	Errors map[string]string
	// InAdmin is true on every page under /admin, whose top-nav tab is
	// Admin whichever admin page it is.
	InAdmin bool
	// Timer is the agent's running timer, shown in the header; Here is
	// the page's URL, where stopping it from the header comes back to.
	Timer *model.Timer
	Here  string
	// ServerNow is the server's time in Unix seconds, which the header's timer
	// counts from.
	ServerNow int64
}

// base builds the shared page data for a request.
func base(c *fiber.Ctx, title, nav string) Base {
	b := Base{Title: title, Agent: currentAgent(c), CSRF: csrfOf(c), Nav: nav, InAdmin: strings.HasPrefix(c.Path(), "/admin/"),
		Timer: currentTimer(c), Here: c.OriginalURL()}
	b.ServerNow, _ = c.Locals(localNow).(int64)
	if f := c.Cookies(flashCookie); f != "" {
		b.Flash, _ = url.QueryUnescape(f)
		c.Cookie(&fiber.Cookie{Name: flashCookie, Path: "/", Expires: time.Unix(1, 0), MaxAge: -1, HTTPOnly: true})
	}
	return b
}

// render answers with the fragment for an HTMX request that is not
// boosted, and with the whole page (the fragment inside its page and the
// layout) otherwise. An empty fragment always renders the page.
//
// The page is rendered into a buffer first, so a template that fails
// half-way sends nothing of itself: the error handler answers instead.
func render(c *fiber.Ctx, status int, page, fragment string, data any) error {
	c.Vary(hxRequest)
	views := c.App().Config().Views
	var buf bytes.Buffer
	var err error
	if fragment != "" && isPartial(c) {
		err = views.Render(&buf, fragment, data)
	} else {
		layout := "layouts/app"
		if b, ok := data.(interface{ layout() string }); ok {
			layout = b.layout()
		}
		err = views.Render(&buf, page, data, layout)
	}
	if err != nil {
		return fmt.Errorf("web: render %s: %w", page, err)
	}
	c.Type("html", "utf-8")
	return c.Status(status).Send(buf.Bytes())
}

const flashCookie = "portico_flash"

// flash shows a one-line confirmation: as a toast event on a fragment
// answer, else in a cookie read by the next full page (a boosted form's
// redirect loses the headers of the 303 itself).
func flash(c *fiber.Ctx, msg string) {
	if isPartial(c) {
		js, _ := json.Marshal(map[string]string{"toast": msg})
		c.Set(hxTrigger, string(js))
		return
	}
	// Escaped, because a cookie's value ends at its first ";" and holds
	// only ASCII.
	c.Cookie(&fiber.Cookie{Name: flashCookie, Value: url.QueryEscape(msg), Path: "/", HTTPOnly: true,
		SameSite: fiber.CookieSameSiteLaxMode})
}

func urlEscape(s string) string { return url.QueryEscape(s) }

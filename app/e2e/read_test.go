package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// waitFor waits until the JavaScript function fn, called with args,
// returns a truthy value. It polls again when a navigation interrupts it,
// so it also waits across page loads; what stops it is the page timeout,
// or fn throwing.
func (p *page) waitFor(what, fn string, args ...any) {
	p.t.Helper()
	var err error
	var thrown *chromedp.ExceptionError
	for p.ctx.Err() == nil && !errors.As(err, &thrown) {
		_, err = chromedp.Run(p.ctx, chromedp.PollFunction[chromedp.Void](fn,
			chromedp.WithPollingArgs(args...), chromedp.WithPollingInterval(50*time.Millisecond)))
		if err == nil {
			return
		}
	}
	p.t.Fatalf("waiting for %s: %v (the page shows: %s)", what, err, p.summary())
}

// waitText waits until the element sel shows text that contains want.
func (p *page) waitText(sel, want string) {
	p.t.Helper()
	p.waitFor(fmt.Sprintf("%q in %s", want, sel), `(sel, want) => {
		const el = document.querySelector(sel);
		return el !== null && el.innerText.includes(want);
	}`, sel, want)
}

// waitPath waits until the tab shows path (without the query string).
func (p *page) waitPath(path string) {
	p.t.Helper()
	p.waitFor("the path "+path, `(path) => location.pathname === path && document.readyState !== "loading"`, path)
}

// markPage marks the document shown now, so a wait can tell it from the
// next one when both have the same path and text.
func (p *page) markPage() {
	p.t.Helper()
	var ok bool
	p.eval(`window.portico_marked = true`, &ok)
}

// eval evaluates a JavaScript expression and decodes its value into out.
func (p *page) eval(expr string, out any) {
	p.t.Helper()
	raw, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]byte](expr))
	if err != nil {
		p.t.Fatalf("evaluate %s: %v", expr, err)
	}
	if err := json.Unmarshal(raw, out); err != nil {
		p.t.Fatalf("evaluate %s: decode %s: %v", expr, raw, err)
	}
}

// texts returns the innerText of every element sel matches.
func (p *page) texts(sel string) []string {
	p.t.Helper()
	var out []string
	p.eval(fmt.Sprintf(`Array.from(document.querySelectorAll(%q), el => el.innerText.trim())`, sel), &out)
	return out
}

// location returns the tab's URL.
func (p *page) location() *url.URL {
	p.t.Helper()
	loc, err := chromedp.Run(p.ctx, chromedp.Location())
	if err != nil {
		p.t.Fatalf("location: %v", err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		p.t.Fatalf("location %q: %v", loc, err)
	}
	return u
}

// markWindow leaves a mark on the window object. A full page load drops
// it, so samePage later tells an in-place update from a reload.
func (p *page) markWindow() {
	p.t.Helper()
	p.do(chromedp.Evaluate[chromedp.Void](`window.__e2eMark = "still here"`))
}

// samePage fails the test when the page was reloaded since markWindow.
func (p *page) samePage(what string) {
	p.t.Helper()
	var mark string
	p.eval(`window.__e2eMark || ""`, &mark)
	if mark != "still here" {
		p.t.Fatalf("%s loaded a whole new page; want an in-place update", what)
	}
}

// summary is the start of the page's text, for failure messages.
func (p *page) summary() string {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(p.ctx), 2*time.Second)
	defer cancel()
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + " | " + document.body.innerText`))
	if err != nil {
		return "(unreadable: " + err.Error() + ")"
	}
	text = strings.Join(strings.Fields(text), " ")
	if r := []rune(text); len(r) > 600 {
		text = string(r[:600]) + "…"
	}
	return text
}

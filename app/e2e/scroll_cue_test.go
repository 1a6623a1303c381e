package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// On a phone the main menu and the admin tabs are wider than the screen:
// the current entry must be in view, and the edge where entries are
// hidden fades, so the row reads as one that scrolls.
func TestPhoneMenusShowTheCurrentEntryAndThatTheyScroll(t *testing.T) {
	app := startPortico(t)
	p := adminPage(t, app)
	p.do(chromedp.EmulateViewport(390, 844))
	for _, path := range []string{"/admin/webhooks", "/admin/plugins"} {
		p.open(path)
		p.waitPath(path)
		shot(p, "phone-menu-"+path[len("/admin/"):]+".png")
		for _, row := range []string{".topbar nav", ".tabs"} {
			var seen struct {
				Inside bool `json:"inside"`
				Cue    bool `json:"cue"`
			}
			p.eval(`(() => {
				const row = document.querySelector("`+row+`"), cur = row.querySelector("[aria-current]");
				const r = row.getBoundingClientRect(), c = cur.getBoundingClientRect();
				return {inside: c.left >= r.left - 1 && c.right <= r.right + 1,
					cue: row.classList.contains("more-left") || row.classList.contains("more-right")};
			})()`, &seen)
			if !seen.Inside {
				t.Errorf("%s at 390 px: the current entry of %s is scrolled out of view", path, row)
			}
			if !seen.Cue {
				t.Errorf("%s at 390 px: %s hides entries without fading its edge", path, row)
			}
		}
	}
}

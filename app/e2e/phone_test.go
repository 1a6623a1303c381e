package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
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

// On a phone each ticket is a card of "Label value" pairs that wrap as
// lines allow; a label must never end one line with its value starting
// the next.
func TestPhoneTicketCardsKeepLabelsWithTheirValues(t *testing.T) {
	app := startPortico(t, func(t *testing.T, st *store.Store) {
		co, err := st.CreateCompany(context.Background(), e2eActor, model.CompanyFields{Name: "Northwind Traders International"})
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"Zoe Allen", "Christopher Montgomery-Smith", "윤유진"} {
			raiseTicket(t, st, name, strings.ToLower(strings.Fields(name)[0])+"@example.com", co, "Please move us to annual billing")
		}
	})
	p := adminPage(t, app)
	p.do(chromedp.EmulateViewport(390, 844))
	p.open("/tickets")
	p.waitText("main", "annual billing")
	shot(p, "tickets-cards-390.png")
	var split []string
	p.eval(`[...document.querySelectorAll("table.list.tickets td[data-label]")]
		.filter(td => td.getClientRects().length > 1).map(td => td.dataset.label + ": " + td.innerText)`, &split)
	if len(split) > 0 {
		t.Errorf("at 390 px these labels wrap away from their values: %q", split)
	}
}

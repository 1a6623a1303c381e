package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/demo"
	"github.com/portico-hub/portico/app/model"
)

// screensDir holds the README's screenshots, each PNG with its page's
// outline beside it in a .txt file.
const screensDir = "../../static/img/screens"

// screen is a page the README shows: its file name, and who sees it.
type screen struct {
	name, path string
	customer   bool
}

// TestScreenshotsMatchTheirPages compares the outline of each page the
// README shows (landmarks, headings, menu links and buttons) with the
// outline committed beside its screenshot, at 1,366 and 390 pixels, so
// a screenshot older than its page fails. With PORTICO_SCREENS=write
// (`make screenshots`) it writes the screenshots and outlines instead.
func TestScreenshotsMatchTheirPages(t *testing.T) {
	app := startPortico(t, loadDemo, openPortal)
	app.createAdmin(t)
	customerWithTicket(t, app)
	screens := []screen{
		{name: "contacts-list", path: "/contacts"},
		{name: "contact", path: fmt.Sprintf("/contacts/%d", showcase(t, app))},
		{name: "import-review", path: reviewPath(t, app)},
		{name: "portal", path: "/portal", customer: true},
	}
	write := os.Getenv("PORTICO_SCREENS") == "write"
	for _, w := range []int64{1366, 390} {
		admin := openTab(t, app, w, 900, time.Minute)
		admin.signIn()
		customer := newPageSized(t, app, w, 900)
		customer.portalSignIn("ann@example.com", "corn flakes at noon")
		for _, s := range screens {
			p := admin
			if s.customer {
				p = customer
			}
			p.open(s.path)
			p.waitFor("the page "+s.path, `() => document.readyState === "complete" && !document.querySelector(".htmx-request")`)
			file := filepath.Join(screensDir, fmt.Sprintf("%s-%d", s.name, w))
			if write {
				p.screenshot(file + ".png")
				writeOutline(t, file+".txt", p.outline())
				continue
			}
			compareOutline(t, file+".txt", p.outline())
		}
	}
}

// showcase is the first demo contact that belongs to a company and has
// raised tickets: the contact page with the most to show.
func showcase(t *testing.T, app *portico) int64 {
	t.Helper()
	ctx := context.Background()
	for id := int64(1); id <= demo.Size; id++ {
		c, err := app.Store.Contact(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		tickets, err := app.Store.ContactTickets(ctx, id, 1)
		if err != nil {
			t.Fatal(err)
		}
		if c.State == model.StateVerified && len(c.Companies) > 0 && len(tickets) > 0 {
			return id
		}
	}
	t.Fatal("no demo contact has a company and tickets")
	return 0
}

// reviewPath uploads a small file with a bad row as the admin and
// returns the path of its review step.
func reviewPath(t *testing.T, app *portico) string {
	t.Helper()
	p := newPage(t, app)
	p.signIn()
	upload(t, p, "contacts", "customers.csv", "이름,이메일,전화번호,회사\n"+
		"김민준,minjun@example.com,010-1234-5678,Hooli\n"+
		"Olivia Martin,olivia@example,,Initech\n"+
		"Sam Park,sam.park@example.com,+1 415 555 0142,\n")
	p.click(`button[name="step"][value="next"]`)
	p.waitFor("the dry run's counts", `() => document.querySelector("#dry-run dl.counts") !== null`)
	return p.location().Path
}

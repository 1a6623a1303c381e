package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/portico-hub/portico/app/model"
)

// TestBulkTagAndBlockFromTheList ticks rows in the list of every contact,
// one with the keyboard and a range with shift-click, tags them with the
// bar's tag field (the company field stays hidden), and blocks one after
// a confirmation that says how many. With PORTICO_SCREENSHOTS set it
// saves the list with a selection at 1366 and 390 px wide.
func TestBulkTagAndBlockFromTheList(t *testing.T) {
	app := startPortico(t, seedTeamContacts)
	p := adminPage(t, app)
	p.waitText("#bulk [data-picked]", "Tick contacts")
	p.do(chromedp.Focus(chromedp.CSS(`#results tbody tr:nth-child(1) input[name="id"]`)), chromedp.KeyEvent(" "))
	p.shiftClick(`#results tbody tr:nth-child(4) input[name="id"]`)
	p.waitText("#bulk [data-picked]", "4 selected:")
	p.choose(`#bulk select[name="action"]`, "tag")
	if tag, co := p.visible(`#bulk input[name="bulk_tag"]`), p.visible(`#bulk input[name="bulk_company"]`); !tag || co {
		t.Fatalf("with Add a tag chosen, the tag field shows: %v, the company field: %v", tag, co)
	}
	p.fill(`#bulk input[name="bulk_tag"]`, "priority")
	for _, width := range []int64{1366, 390} {
		p.do(chromedp.EmulateViewport(width, 900))
		shot(p, fmt.Sprintf("bulk-selection-%d.png", width))
	}
	p.do(chromedp.EmulateViewport(1366, 900))
	p.clickXPath(`//form[@id="bulk"]//button[contains(., "Apply to selected")]`)
	p.waitText("#toasts", "4 tagged “priority”.")
	ids := p.texts(`#results tbody tr:nth-child(-n+4) a[href^="/contacts/"]`)
	if len(ids) != 4 {
		t.Fatalf("rows %q", ids)
	}
	tagged, err := app.Store.ListContacts(context.Background(), model.ContactQuery{Tag: "priority", Page: 1, PerPage: 10})
	if err != nil || tagged.Total != 4 {
		t.Fatalf("%v contacts tagged priority (%v), want the 4 ticked", tagged, err)
	}

	p.click(`#results tbody tr:nth-child(2) input[name="id"]`)
	p.choose(`#bulk select[name="action"]`, "block")
	p.clickXPath(`//form[@id="bulk"]//button[contains(., "Apply to selected")]`)
	p.waitText("h1", "Block 1 contact?")
	p.clickXPath(`//main//form//button[contains(., "Block 1 contact")]`)
	p.waitText("#toasts", "1 blocked.")
}

// TestRowSaysSentLately sends a contact the activation email from its
// row, reloads the list, and finds the row saying it was sent just now
// and offering to send again, which sends a second email.
func TestRowSaysSentLately(t *testing.T) {
	app := startPortico(t)
	p := adminPage(t, app)
	id := app.createContact(t, contact("Bob Twice", "bob@example.com"))
	row := fmt.Sprintf("#contact-%d", id)
	p.open("/contacts?view=unverified")
	p.hover(row)
	p.click(row + " .row-action button")
	p.waitText(row, "Activation sent")
	p.open("/contacts?view=unverified")
	p.waitText(row, "send again?")
	p.waitText(row, "Sent just now")
	p.click(row + " .row-again button")
	p.waitText(row, "Activation sent")
	got, err := app.Store.ListEmails(context.Background(), model.MailQuery{Search: "bob@example.com", Page: 1, PerPage: 5})
	if err != nil || got.Total != 2 {
		t.Fatalf("%v emails to Bob (%v), want 2", got, err)
	}
}

// shiftClick clicks an element with Shift held, as a person ticks a
// range of rows.
func (p *page) shiftClick(sel string) {
	p.t.Helper()
	var ok bool
	p.eval(fmt.Sprintf(`document.querySelector(%q).dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true, shiftKey: true}))`, sel), &ok)
}

// choose picks an option of a select, as a person does.
func (p *page) choose(sel, value string) {
	p.t.Helper()
	var ok bool
	p.eval(fmt.Sprintf(`(() => { const s = document.querySelector(%q); s.value = %q;
		return s.dispatchEvent(new Event("change", {bubbles: true})); })()`, sel, value), &ok)
}

// visible reports whether an element takes up room on the page.
func (p *page) visible(sel string) bool {
	p.t.Helper()
	var ok bool
	p.eval(fmt.Sprintf(`(() => { const el = document.querySelector(%q); return !!el && el.offsetParent !== null; })()`, sel), &ok)
	return ok
}

// bulkAll chooses a bulk action for all matching contacts with the
// button that says so, and confirms it on the page that says how many.
func (p *page) bulkAll(action, button, confirm string) {
	p.t.Helper()
	p.waitText("#bulk", button)
	p.choose(`#bulk select[name="action"]`, action)
	p.clickXPath(`//form[@id="bulk"]//button[contains(., "` + button + `")]`)
	p.clickXPath(`//main//form//button[contains(., "` + confirm + `")]`)
}

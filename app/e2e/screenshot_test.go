package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestContactsListFirstPage checks the list as a support team sees it on a
// normal day: 30 contacts to a page, the view tabs with their counts,
// deleted contacts kept out of All, and companies filled in by the
// contacts' email domains. With PORTICO_SCREENSHOTS set to a
// directory it also saves the page there as contacts-list.png.
func TestContactsListFirstPage(t *testing.T) {
	app := startPortico(t, seedTeamContacts)
	p := adminPage(t, app)
	p.waitText("#results .table-meta", "1–30 of 32")
	p.waitText("#results .pager", "Page 1 of 2")
	tabs := p.texts("#results .tabs a")
	want := []string{"All 32", "Verified 19", "Unverified 10", "Blocked 3", "Deleted 2"}
	if len(tabs) != len(want) {
		t.Fatalf("view tabs %q, want %q", tabs, want)
	}
	for i := range want {
		if collapse(tabs[i]) != want[i] {
			t.Errorf("view tab %d reads %q, want %q", i, collapse(tabs[i]), want[i])
		}
	}
	companies := p.texts("#results tbody td:nth-child(4)") // after the tick box, name and email
	if len(companies) == 0 || companies[0] != "Northwind Traders" {
		t.Errorf("the first row's company is %q; want Northwind Traders, linked by its email domain", companies)
	}
	if dir := os.Getenv("PORTICO_SCREENSHOTS"); dir != "" {
		p.screenshot(filepath.Join(dir, "contacts-list.png"))
	}
}

// screenshot saves the whole page, beyond the fold, as a PNG.
func (p *page) screenshot(path string) {
	p.t.Helper()
	p.do(chromedp.Evaluate[chromedp.Void](`document.activeElement?.blur()`))
	png, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		p.t.Fatal(err)
	}
	p.t.Logf("saved %s", path)
}

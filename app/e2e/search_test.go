package e2e

import (
	"slices"
	"strings"
	"testing"
)

// TestSearchAsYouType: typing in the search box narrows the list with each
// key, without a page load, and the address bar keeps the search so that
// reload and back work. Korean names are found by their first syllables,
// and a word with an "@" by the start of an address.
func TestSearchAsYouType(t *testing.T) {
	app := startPortico(t)
	for _, c := range []struct{ name, email string }{
		{"김민준", "minjun.kim@hanbit.kr"},
		{"김서연", "seoyeon.kim@hanbit.kr"},
		{"이민호", "minho.lee@daeho.co.kr"},
		{"Jane Doe", "jane@northwind.test"},
		{"Kim Andersen", "kim@fjord.test"},
	} {
		app.createContact(t, contact(c.name, c.email))
	}
	p := adminPage(t, app)
	p.waitRows("the full list", "Jane Doe", "Kim Andersen", "김민준", "김서연", "이민호")
	p.markWindow()

	p.typeKeys("#q", "김")
	p.waitRows(`"김"`, "김민준", "김서연")
	p.typeKeys("#q", "민")
	p.waitRows(`"김민"`, "김민준")
	p.samePage("searching")
	if q := p.location().Query().Get("q"); q != "김민" {
		t.Errorf("the address bar has q=%q, want 김민", q)
	}

	p.clearField("#q")
	p.typeKeys("#q", "jan")
	p.waitRows(`"jan"`, "Jane Doe")

	p.clearField("#q")
	p.typeKeys("#q", "kim@")
	p.waitRows(`"kim@"`, "Kim Andersen")
	if tabs := strings.Join(p.texts("#results .tabs a"), " "); collapse(tabs) != "All Verified Unverified Blocked Deleted" {
		t.Errorf("while searching, the view tabs read %q, without counts of whole views", tabs)
	}

	p.clearField("#q")
	p.typeKeys("#q", "zzz")
	p.waitText("#results .empty h2", "No contacts match “zzz”")

	p.clearField("#q")
	p.waitRows("a cleared search", "Jane Doe", "Kim Andersen", "김민준", "김서연", "이민호")
	p.samePage("clearing the search")
}

// waitRows waits until the contacts table lists exactly names, in order.
func (p *page) waitRows(what string, names ...string) {
	p.t.Helper()
	p.waitFor("the rows of "+what, `(want) => {
		const got = Array.from(document.querySelectorAll("#results tbody td.name-cell a"), a => a.innerText.trim());
		return got.join("\n") === want;
	}`, strings.Join(names, "\n"))
	if got := p.texts("#results tbody td.name-cell a"); !slices.Equal(got, names) {
		p.t.Fatalf("rows of %s: %q, want %q", what, got, names)
	}
}

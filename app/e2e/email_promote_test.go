package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// TestPromoteEmailInline: "Make primary" on a secondary address re-renders
// the emails section in place; the old primary stays as a secondary and
// the timeline records the change.
func TestPromoteEmailInline(t *testing.T) {
	app := startPortico(t)
	id := app.createContact(t, contact("Choi Yuna", "yuna@old-mail.test", "yuna.choi@hanbit.kr"))
	p := adminPage(t, app)
	p.open(fmt.Sprintf("/contacts/%d", id))
	p.waitText("#emails", "yuna.choi@hanbit.kr")
	p.markWindow()
	p.markElement("#profile")

	p.clickXPath(`//ul[@class="emails"]/li[span[@class="address"]="yuna.choi@hanbit.kr"]//button[normalize-space()="Make primary"]`)
	p.waitFor("yuna.choi@hanbit.kr to be primary", `() => {
		const first = document.querySelector("#emails ul.emails li");
		return first !== null && first.innerText.includes("yuna.choi@hanbit.kr") && first.querySelector(".badge-primary") !== null;
	}`)
	p.waitText("#timeline", "yuna@old-mail.test → yuna.choi@hanbit.kr")
	rows := p.texts("#emails ul.emails li")
	if len(rows) != 2 || !strings.Contains(rows[1], "yuna@old-mail.test") || !strings.Contains(rows[1], "Make primary") {
		t.Errorf("emails after promoting: %q; want the old primary kept as a secondary", rows)
	}
	p.samePage("promoting an email")
	p.sameElement("#profile", "promoting an email")
	p.waitText("#toasts", "Primary email changed.")
}

package e2e

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestTicketPageTimePanel: the ticket page loads its time panel into the
// side column at 1366 px and under the conversation at 390 px, neither
// page wider than the window. With PORTICO_SCREENSHOTS set it saves the
// page at both widths.
func TestTicketPageTimePanel(t *testing.T) {
	w := &timeWorld{}
	app := startPortico(t, w.prepare)
	p := adminPage(t, app)
	ticket := "/tickets/" + strconv.FormatInt(w.ticket, 10)
	p.open(ticket + "/time")
	p.fill(`.time-add input[name="time"]`, "1:05")
	p.click(".time-add button.primary")
	p.waitText(".time-total", "1:05 total")

	p.open(ticket)
	p.waitText("#ticket-time .time-total", "1:05 total")
	for _, c := range []struct {
		width int64
		check string
	}{
		{1366, `t.left >= m.right`},
		{390, `t.top >= m.bottom && t.right <= 390`},
	} {
		p.do(chromedp.EmulateViewport(c.width, 900))
		var ok bool
		p.eval(`(() => { const m = document.querySelector(".detail > .sections").getBoundingClientRect();
			const t = document.querySelector("#ticket-time").getBoundingClientRect();
			return `+c.check+` && document.documentElement.scrollWidth <= `+strconv.FormatInt(c.width, 10)+`; })()`, &ok)
		if !ok {
			t.Errorf("at %d px the time panel is out of place or the page overflows", c.width)
		}
	}
	shotWidths(p, "ticket-page-time")
}

// TestReportContactChip: the report's contact picker offers contacts as
// the agent types; the pick filters the report and shows as a chip that
// removes it.
func TestReportContactChip(t *testing.T) {
	w := &timeWorld{}
	app := startPortico(t, w.prepare)
	p := adminPage(t, app)
	p.open("/tickets/" + strconv.FormatInt(w.ticket, 10) + "/time")
	p.fill(`.time-add input[name="time"]`, "0:40")
	p.click(".time-add button.primary")
	p.waitText(".time-total", "0:40 total")

	p.open("/reports/timesheet?period=today")
	p.typeKeys("#add-contact", "Kim")
	p.waitFor("the contact options", `() => document.querySelectorAll("#report-contact-options option").length === 1`)
	var pick string
	p.eval(`document.querySelector("#report-contact-options option").value`, &pick)
	if pick != "Kim Minjun <minjun@hanbit.example>" {
		t.Fatalf("option %q", pick)
	}
	p.fill("#add-contact", pick)
	p.click("#apply")
	p.waitText(".report-chips", "Contact: Kim Minjun")
	p.waitText(`[data-total="total"]`, "0:40")
	if q := p.location().Query(); q.Get("contact") == "" || q.Has("add_contact") {
		t.Fatalf("the URL does not hold the contact: %s", p.location())
	}
	shotWidths(p, "report-contact-chip")
	p.click(`.report-chips a[aria-label="Remove Kim Minjun"]`)
	p.waitText(".report-chips", "All customers")
}

package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestAgentAndCustomerConverseOnATicket follows a ticket from both
// sides: an agent opens a customer's portal ticket from the list and
// replies; the customer sees the reply in the portal and answers; the
// agent sees the answer and sets the ticket Resolved; the customer
// reopens it. With PORTICO_SCREENSHOTS set it saves the list and the
// ticket's page at 1366 and 390 px wide.
func TestAgentAndCustomerConverseOnATicket(t *testing.T) {
	app := startPortico(t)
	admin := adminPage(t, app)
	app.customer(t, "Ann Customer", "ann@example.com", "corn flakes at noon")
	c := newPage(t, app)
	c.open("/portal/login")
	c.fill(`input[name="email"]`, "ann@example.com")
	c.fill(`input[name="password"]`, "corn flakes at noon")
	c.click(`main form button.primary`)
	c.waitPath("/portal")
	c.open("/portal/tickets/new")
	c.fill(`input[name="subject"]`, "The <b>March</b> invoice is missing")
	c.fill(`textarea[name="description"]`, "I cannot find it under Billing.\nCould you send it again?")
	c.click(`main form button.primary`)
	c.waitText("h1", "The <b>March</b> invoice is missing")
	ticketPath := c.location().Path

	admin.click(`.topbar nav a[href="/tickets"]`)
	admin.waitText("#results .tickets", "The <b>March</b> invoice is missing")
	admin.click(`#results .tickets a.ticket-link`)
	admin.waitText("h1", "The <b>March</b> invoice is missing")
	admin.fill(`#reply textarea[name="body"]`, "Sorry about that.\nI have sent it again just now.")
	admin.click(`#reply button.primary`)
	admin.waitText("#toasts", "Reply sent.")
	admin.waitText(".thread .msg-agent", "I have sent it again just now.")

	c.open(ticketPath)
	c.waitText(".thread .msg-agent", "Sorry about that.")
	c.fill(`#reply textarea[name="body"]`, "Got it, thank you!")
	c.click(`#reply button.primary`)
	c.waitText(".thread", "Got it, thank you!")

	agentPath := strings.TrimPrefix(ticketPath, "/portal")
	admin.open(agentPath)
	admin.waitText(".thread .msg-customer:last-child", "Got it, thank you!")
	admin.fill(`#reply textarea[name="body"]`, "Customer confirmed by phone as well.")
	admin.click(`#reply input[name="kind"][value="note"]`)
	admin.click(`#reply button.primary`)
	admin.waitText(".thread .msg-note", "Customer confirmed by phone")
	admin.choose(`.ticket-props select[name="status"]`, "resolved")
	admin.click(`.ticket-props form:first-of-type button`)
	admin.waitText(".ticket-meta .badge", "Resolved")
	admin.waitText(".thread .thread-change", "changed status from “open” to “resolved”")
	shotWidths(admin, "ticket")
	admin.open("/tickets")
	admin.waitText("#results .tickets", "Resolved")
	shotWidths(admin, "tickets")

	c.open(ticketPath)
	c.waitText("main .alert", "This ticket is resolved")
	if strings.Contains(strings.Join(c.texts("main .thread"), " "), "confirmed by phone") {
		t.Fatal("the customer sees the agent's private note")
	}
	c.click(`main .alert form button`)
	c.waitText("main .alert", "The ticket is open again")
	c.waitText(".ticket-meta .badge", "Open")
}

// shotWidths saves the page at a desktop's and a phone's width.
func shotWidths(p *page, name string) {
	for _, width := range []int64{1366, 390} {
		p.do(chromedp.EmulateViewport(width, 900))
		shot(p, fmt.Sprintf("%s-%d.png", name, width))
	}
	p.do(chromedp.EmulateViewport(1280, 900))
}

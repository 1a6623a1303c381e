package web_test

import (
	"context"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// renderFlows reach the templates that only a form's answer, a job or a
// link shows, each with the demo data loaded and an admin signed in.
var renderFlows = []func(t *testing.T, ts *testServer, admin *client){
	// The imports come first: their pages need jobs that wait, and the
	// bulk flows start the runner.
	importHeldFlows, agentFlows, bulkFlows, importWizardFlows, portalFlows, reportFlows, webhookFlows,
}

// answered fails the test when a request of a flow was not answered
// with a page: a server error, or a redirect where a page was expected.
func answered(t *testing.T, what string, resp *http.Response, body string, want int) {
	t.Helper()
	if resp.StatusCode != want {
		t.Errorf("%s: %d, want %d\n%s", what, resp.StatusCode, want, mainOf(body))
	}
}

// agentFlows: the sign-in page, an invitation, a contact's tags form and
// the "send again?" question.
func agentFlows(t *testing.T, ts *testServer, admin *client) {
	resp, body := ts.client().get("/login")
	answered(t, "sign-in page", resp, body, http.StatusOK)
	admin.get("/agents")
	resp, body = admin.post("/agents", url.Values{"name": {"Cho Yuna"}, "email": {"yuna.pages@example.com"}, "role": {"agent"}})
	answered(t, "invite", resp, body, http.StatusCreated)
	resp, body = ts.client().get(regexpFind(t, body, `value="http://[^"]+(/invite/[^"]+)"`))
	answered(t, "invitation page", resp, body, http.StatusOK)
	resp, body = admin.get("/contacts/1/edit?section=tags", htmx...)
	answered(t, "tags form", resp, body, http.StatusOK)
	id := ts.createContact("Send Twice", "twice.pages@example.com")
	admin.post("/contacts/"+itoa(id)+"/activation", nil)
	resp, body = admin.post("/contacts/"+itoa(id)+"/activation", nil)
	answered(t, "send again", resp, body, http.StatusOK)
}

// bulkFlows: a bulk action's confirmation, its job and cancel pages, and
// a bulk activation's, before and after its job ran.
func bulkFlows(t *testing.T, ts *testServer, admin *client) {
	admin.get("/contacts")
	resp, body := admin.post("/contacts/bulk", url.Values{"action": {"delete"}, "id": {"1", "2"}, "all": {"0"}})
	answered(t, "bulk confirm", resp, body, http.StatusOK)
	co, err := ts.store.Company(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{"action": {"company"}, "bulk_company": {co.Name}, "all": {"1"}, "q": {"kim"}, "confirmed": {"1"}}
	resp, body = admin.post("/contacts/bulk", form)
	answered(t, "bulk all matching", resp, body, http.StatusSeeOther)
	job := resp.Header.Get("Location")
	for _, p := range []string{job, job + "/cancel"} {
		resp, body = admin.get(p)
		answered(t, p, resp, body, http.StatusOK)
	}
	admin.get(job, htmx...)
	resp, body = admin.post("/contacts/bulk", url.Values{"action": {"activation"}, "all": {"1"}, "view": {"unverified"}})
	answered(t, "activation confirm", resp, body, http.StatusOK)
	send := admin.startBulk(ts.createContact("Bulk Send", "bulk.send.pages@example.com"))
	for _, p := range []string{send, send + "/cancel"} {
		resp, body = admin.get(p)
		answered(t, p, resp, body, http.StatusOK)
	}
	ts.runJobs()
	admin.settle(send)
}

// importHeldFlows: a queued import's cancel page, and the held
// activation emails of a cancelled import, before any job runs.
func importHeldFlows(t *testing.T, ts *testServer, admin *client) {
	progress, _ := importWithNewContacts(admin, newPerson("Held Pages", "held.pages@example.com"))
	resp, body := admin.get(progress + "/cancel")
	answered(t, "import cancel", resp, body, http.StatusOK)
	admin.post(progress+"/cancel", url.Values{})
	resp, body = admin.post(progress+"/activation", url.Values{})
	answered(t, "import activation confirm", resp, body, http.StatusOK)
	admin.post(progress+"/activation", url.Values{"confirmed": {"1"}})
	resp, body = admin.post(progress+"/activation/cancel", url.Values{})
	answered(t, "import activation cancel", resp, body, http.StatusOK)
	admin.get(progress)
}

// importWizardFlows: the wizard's steps and its dry run's review.
func importWizardFlows(t *testing.T, ts *testServer, admin *client) {
	step := strings.TrimSuffix(admin.draft("people.csv", peopleCSV), "/map")
	_, page := admin.get(step + "/map")
	resp, body := admin.post(step+"/map", mapForm(page, "step", "next"))
	answered(t, "map", resp, body, http.StatusSeeOther)
	admin.get(step + "/review")
	admin.settle(step + "/review")
	resp, body = admin.get(step + "/options")
	answered(t, "options", resp, body, http.StatusOK)
}

// portalFlows: sign-up, links sent, refused and closed accounts, dead
// links, a visitor's ticket and a customer's ticket and sign-out page.
func portalFlows(t *testing.T, ts *testServer, admin *client) {
	ts.portalSettings(model.SubmitEveryone, true)
	visitor := ts.client()
	resp, body := visitor.get("/portal/signup")
	answered(t, "sign-up page", resp, body, http.StatusOK)
	resp, body = visitor.post("/portal/signup", url.Values{"name": {"New Visitor"}, "email": {"new.visitor.pages@example.com"}})
	answered(t, "signed up", resp, body, http.StatusOK)
	resp, body = visitor.request("Kim Visitor", "kim.visitor.pages@example.com", "The printer jams")
	answered(t, "visitor's ticket", resp, body, http.StatusOK)
	resp, body = visitor.get("/portal/activate/not-a-link-we-sent")
	answered(t, "dead link", resp, body, http.StatusGone)
	visitor.get("/portal/forgot")
	resp, body = visitor.post("/portal/forgot", url.Values{"email": {"someone.pages@example.com"}})
	answered(t, "link sent", resp, body, http.StatusOK)

	id := ts.createContact("Choi Refused", "refused.pages@example.com")
	admin.post("/contacts/"+itoa(id)+"/password", url.Values{"password": {"corn flakes at noon"}})
	resp, body = ts.client().portalSignIn("refused.pages@example.com", "corn flakes at noon")
	answered(t, "refused", resp, body, http.StatusForbidden)
	closed := ts.createContact("Kim Closed", "closed.pages@example.com")
	admin.post("/contacts/"+itoa(closed)+"/activation", url.Values{"again": {"1"}})
	link := ts.linkTo("closed.pages@example.com")
	admin.post("/contacts/"+itoa(closed)+"/state", url.Values{"action": {"blocked"}})
	resp, body = ts.client().get(link)
	answered(t, "closed account's link", resp, body, http.StatusGone)

	_, customer := ts.activated(admin, "Lee Customer", "lee.customer.pages@example.com", "customer password 1")
	ticket := customer.submitTicket("Where is my invoice?", "It did not arrive.")
	resp, body = customer.get("/portal/tickets/" + itoa(ticket))
	answered(t, "customer's ticket", resp, body, http.StatusOK)
	resp, body = customer.get("/portal/logout")
	answered(t, "sign-out page", resp, body, http.StatusOK)
}

// reportFlows: a time sheet export's page and progress.
func reportFlows(t *testing.T, ts *testServer, admin *client) {
	tid, _ := ts.ticketFor("Hanbit Pages", "Kim Pages", "kim.report.pages@example.com", "Printer jams")
	admin.get("/tickets/" + itoa(tid) + "/time")
	admin.post("/tickets/"+itoa(tid)+"/time", url.Values{"time": {"1:00"}, "date": {time.Now().UTC().Format(time.DateOnly)}, "billable": {"1"}})
	_, body := admin.get("/reports/timesheet?period=this_month")
	filters := strings.ReplaceAll(regexpFind(t, body, `name="filters" value="([^"]*)"`), "&amp;", "&")
	resp, body := admin.post("/reports/timesheet/export", url.Values{"filters": {filters}, "format": {"csv"}})
	answered(t, "report export", resp, body, http.StatusSeeOther)
	page := resp.Header.Get("Location")
	admin.get(page)
	admin.settle(page)
}

// webhookFlows: a new endpoint's secret and resending failed deliveries.
func webhookFlows(t *testing.T, ts *testServer, admin *client) {
	id, _ := addEndpoint(t, admin, hookForm("https://hooks.example.com/pages"))
	failDeliveries(t, ts, id, 2)
	since := time.Now().UTC().Add(-time.Hour).Format("2006-01-02T15:04")
	resp, body := admin.get("/admin/webhooks/" + itoa(id) + "/resend-failed?since=" + url.QueryEscape(since))
	answered(t, "resend failed", resp, body, http.StatusOK)
}

// pluginFlows: a plugin's approval, page, instance and connection test,
// and a dry run from it as an import source.
func pluginFlows(t *testing.T, ts *testServer) {
	ts.runJobs()
	admin := ts.admin()
	resp, body := admin.get("/admin/plugins/hello-go/approve")
	answered(t, "approve page", resp, body, http.StatusOK)
	files := regexp.MustCompile(`name="file" value="([^"]+)"`).FindAllStringSubmatch(body, -1)
	if len(files) != 2 {
		t.Fatalf("the approve page lists %d files, want 2", len(files))
	}
	admin.post("/admin/plugins/hello-go/approve", url.Values{"file": {files[0][1], files[1][1]}})
	waitFor(t, admin, "/admin/plugins/hello-go", ">running<")
	resp, body = admin.post("/admin/plugins/hello-go/instances", url.Values{"name": {"Sales"}, "f_count": {"7"}, "f_domain": {"sales.test"}})
	answered(t, "new instance", resp, body, http.StatusSeeOther)
	inst := resp.Header.Get("Location")
	admin.get(inst)
	resp, body = admin.post(inst+"/test", url.Values{}, htmx...)
	answered(t, "test connection", resp, body, http.StatusOK)
	admin.get("/admin/plugins")
	resp, body = admin.post("/contacts/import/source", url.Values{"instance": {path.Base(inst)}, "mode": {"upsert"}, "match": {"email"},
		"blank": {"keep"}, "action": {"dry"}})
	answered(t, "dry run from a source", resp, body, http.StatusSeeOther)
	waitFor(t, admin, resp.Header.Get("Location"), "Finished")
	admin.get(resp.Header.Get("Location"), htmx...)
}

// channelFlows: a contact's channel addresses, and a channel instance's
// test message, refused without asking the gateway.
func channelFlows(t *testing.T, ts *testServer, inst int64) {
	admin := ts.admin()
	resp, body := admin.get("/contacts/" + itoa(ts.createContact("Mina Park", "mina.pages@example.com")))
	answered(t, "contact with channels", resp, body, http.StatusOK)
	form := url.Values{"kind": {"phone"}, "address": {"not a number"}, "text": {"Portico test"}}
	resp, body = admin.post("/admin/plugins/kannel-sms/instances/"+itoa(inst)+"/message", form, htmx...)
	answered(t, "test message", resp, body, http.StatusOK)
}

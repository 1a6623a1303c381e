package web_test

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/demo"
	"github.com/portico-hub/portico/app/mail"
)

// TestEveryPageRenders renders every template under views/, pages and
// fragments, with realistic data, and fails when one is rendered by no
// request here: a template added without a request that renders it
// fails this test. It loads the demo data and the team's year of work,
// opens every page reached by GET, as a full page and as an HTMX request,
// as a visitor, an admin and a customer, then walks the flows whose
// pages only a form's answer shows (confirmations, refusals, progress),
// a plugin's pages on a server with the hello-go plugin, a channel's on
// one with kannel-sms, and a CRM connector's on one with the CardDAV
// example over a real address book.
// A template that fails on realistic data answers 500 here before a
// user meets it.
func TestEveryPageRenders(t *testing.T) {
	ts, cov := newTestServer(t), newCover()
	cov.watch(ts)
	visitor := ts.client()
	for _, path := range []string{"/setup", "/login", "/portal/login", "/portal/signup", "/portal/forgot", "/portal/logout"} {
		visitor.get(path)
	}
	admin := ts.admin()
	ctx, log := context.Background(), slog.New(slog.DiscardHandler)
	if err := demo.Load(ctx, ts.store, log); err != nil {
		t.Fatal(err)
	}
	if err := demo.LoadTeam(ctx, ts.store, log); err != nil {
		t.Fatal(err)
	}
	_, customer := ts.activated(admin, "Kim Minjun", "minjun.pages@example.com", "customer password 1")
	for _, path := range agentPages(ts) {
		for _, headers := range [][]string{nil, htmx} {
			if resp, body := admin.get(path, headers...); resp.StatusCode >= http.StatusInternalServerError {
				t.Errorf("GET %s %v: %d\n%s", path, headers, resp.StatusCode, mainOf(body))
			}
		}
	}
	for _, path := range []string{"/portal", "/portal/profile", "/portal/tickets", "/portal/tickets/new"} {
		if resp, body := customer.get(path); resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s as a customer: %d\n%s", path, resp.StatusCode, mainOf(body))
		}
	}
	for _, flow := range renderFlows {
		flow(t, ts, admin)
	}
	plugins := newPluginServer(t)
	cov.watch(plugins)
	pluginFlows(t, plugins)
	sms, _, inst := newSMSServer(t, nil)
	cov.watch(sms)
	channelFlows(t, sms, inst)
	crmFlows(t, cov)
	missing, err := cov.missing()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range missing {
		t.Errorf("views/%s.html was rendered by no request: add one to TestEveryPageRenders that renders it with realistic data", name)
	}
}

// agentPages lists the server's GET routes with their parameters filled
// in from the demo data, leaving out downloads and the sign-out.
func agentPages(ts *testServer) []string {
	fill := strings.NewReplacer(":id", "1", ":key", mail.KeyActivation, ":kind", "activation")
	var out []string
	seen := map[string]bool{}
	for _, r := range ts.srv.App().GetRoutes(true) {
		p := r.Path
		if r.Method != http.MethodGet || seen[p] || strings.HasPrefix(p, "/portal") || strings.Contains(p, "*") ||
			strings.HasSuffix(p, ".csv") || strings.HasSuffix(p, "/download") || strings.HasSuffix(p, "/file") {
			continue
		}
		seen[p] = true
		if p = fill.Replace(p); !strings.Contains(p, ":") {
			out = append(out, p)
		}
	}
	return out
}

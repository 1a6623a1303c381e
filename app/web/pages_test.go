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

// TestEveryPageRenders loads the demo data and opens every page reached
// by GET, as a full page and as an HTMX request: the agents' and admins'
// pages for the first demo contact and company, and the portal's pages
// for an activated customer. A template that fails on realistic data
// answers 500 here before a user meets it.
func TestEveryPageRenders(t *testing.T) {
	ts := newTestServer(t)
	if err := demo.Load(context.Background(), ts.store, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	admin := ts.admin()
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

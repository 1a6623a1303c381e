package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/portico-hub/portico/app"

	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/store/storetest"
	"github.com/portico-hub/portico/app/web"
)

// benchTickets is how many tickets the ticket benchmarks' database holds,
// raised by benchRequesters contacts and assigned among benchAgents.
const (
	benchTickets    = 1_000_000
	benchRequesters = 20_000
	benchAgents     = 5
)

// deskSeeded is the signed-in server on the tickets' database, built
// once per process by the first ticket benchmark.
var deskSeeded struct {
	once   sync.Once
	srv    *web.Server
	st     *store.Store
	cookie string
	err    error
}

func deskServer(b *testing.B) (*web.Server, string) {
	b.Helper()
	deskSeeded.once.Do(func() { deskSeeded.err = seedDesk(b) })
	if deskSeeded.err != nil {
		b.Fatal(deskSeeded.err)
	}
	return deskSeeded.srv, deskSeeded.cookie
}

func seedDesk(b *testing.B) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "portico-desk-bench-")
	if err != nil {
		return err
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	path := filepath.Join(dir, "portico.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	if _, err := storetest.Seed(ctx, st, benchRequesters); err != nil {
		return err
	}
	var me *model.Agent
	for i := range benchAgents {
		if me, err = st.CreateAgent(ctx, fmt.Sprintf("Agent %d", i+1), fmt.Sprintf("agent%d@portico.test", i+1), model.RoleAgent, "", "", nil); err != nil {
			return err
		}
	}
	// The tickets are loaded without a journal, which needs the file to
	// itself: the store closes first, and opens again afterwards.
	st.Close()
	took, err := storetest.SeedTickets(ctx, path, benchTickets, benchRequesters, benchAgents)
	if err != nil {
		return err
	}
	if st, err = store.Open(ctx, path); err != nil {
		return err
	}
	b.Logf("seeded %d tickets in %s", benchTickets, took.Round(time.Millisecond))
	cfg := config.Default()
	cfg.Addr, cfg.DBPath, cfg.LogLevel = "localhost:0", path, "error"
	if err := cfg.Validate(); err != nil {
		return err
	}
	p, err := app.Wire(ctx, cfg, slog.New(slog.DiscardHandler), st, nil)
	if err != nil {
		return err
	}
	deskSeeded.srv = p.Web
	deskSeeded.st = st
	token, err := (&agent.Service{Store: st, SessionTTL: time.Hour}).StartSession(ctx, me, "127.0.0.1", "bench")
	deskSeeded.cookie = "portico_session=" + token
	return err
}

// benchDesk loads a ticket list page through the whole server, as a
// browser does, and reports the median and 95th percentile.
func benchDesk(b *testing.B, path string) {
	srv, cookie := deskServer(b)
	get := func() {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Cookie", cookie)
		resp, err := srv.App().Test(req, -1)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("GET %s: %d", path, resp.StatusCode)
		}
	}
	get()
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		get()
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	ms := func(q float64) float64 { return float64(times[int(q*float64(len(times)-1))]) / 1e6 }
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
}

// BenchmarkTicketList covers every view in both orders and directions,
// then filters, a search and a page deep in the list.
func BenchmarkTicketList(b *testing.B) {
	for _, view := range []string{"", "open", "pending", "resolved", "closed", "mine"} {
		for _, sort := range []string{"updated", "created"} {
			for _, dir := range []string{"", "asc"} {
				q := url.Values{"view": {view}, "sort": {sort}, "dir": {dir}}
				b.Run("view="+view+"/sort="+sort+"/dir="+dir, func(b *testing.B) { benchDesk(b, "/tickets?"+q.Encode()) })
			}
		}
	}
	for _, f := range []struct{ name, query string }{
		{"company", "company=3"}, {"contact", "contact=17"}, {"assignee", "assignee=2"},
		{"open_of_company", "view=open&company=3"}, {"search_number", "q=%23500000"}, {"search_subject", "q=refund+order+4999"},
	} {
		b.Run(f.name, func(b *testing.B) { benchDesk(b, "/tickets?"+f.query) })
	}
	b.Run("deep_cursor", func(b *testing.B) {
		deskServer(b)
		p, err := deskSeeded.st.ListTickets(context.Background(), model.TicketQuery{Search: "#500000"})
		if err != nil || len(p.Tickets) != 1 {
			b.Fatalf("ticket 500000: %v", err)
		}
		benchDesk(b, fmt.Sprintf("/tickets?after=%d-%d", p.Tickets[0].UpdatedAt.UnixNano(), p.Tickets[0].ID))
	})
}

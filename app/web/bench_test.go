package web_test

import (
	"context"
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

// benchContacts is how many contacts the benchmarks' database holds.
const benchContacts = 1_000_000

// seeded is the signed-in server on a database seeded with benchContacts,
// built once per process by the first benchmark that needs it and removed
// by TestMain.
var seeded struct {
	once   sync.Once
	dir    string
	srv    *web.Server
	cookie string
	took   time.Duration
	size   int64
	err    error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if seeded.dir != "" {
		os.RemoveAll(seeded.dir)
	}
	os.Exit(code)
}

func benchServer(b *testing.B) (*web.Server, string) {
	b.Helper()
	seeded.once.Do(func() { seeded.err = seed(b) })
	if seeded.err != nil {
		b.Fatal(seeded.err)
	}
	return seeded.srv, seeded.cookie
}

func seed(b *testing.B) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "portico-bench-")
	if err != nil {
		return err
	}
	seeded.dir = dir
	path := filepath.Join(dir, "portico.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	if seeded.took, err = storetest.Seed(ctx, st, benchContacts); err != nil {
		return err
	}
	if fi, err := os.Stat(path); err == nil {
		seeded.size = fi.Size()
	}
	b.Logf("seeded %d contacts in %s; database file %d MB", benchContacts, seeded.took.Round(time.Millisecond), seeded.size>>20)
	cfg := config.Default()
	cfg.Addr, cfg.DBPath, cfg.LogLevel = "localhost:0", path, "error"
	if err := cfg.Validate(); err != nil {
		return err
	}
	p, err := app.Wire(ctx, cfg, slog.New(slog.DiscardHandler), st, nil)
	if err != nil {
		return err
	}
	seeded.srv = p.Web
	a, err := st.CreateAgent(ctx, "Bench Agent", "bench@portico.test", model.RoleAgent, "", "", nil)
	if err != nil {
		return err
	}
	token, err := (&agent.Service{Store: st, SessionTTL: time.Hour}).StartSession(ctx, a, "127.0.0.1", "bench")
	seeded.cookie = "portico_session=" + token
	return err
}

// benchPage renders url through the whole server, as a browser's full
// page load, and reports the median and 95th percentile in milliseconds.
func benchPage(b *testing.B, url string, hx bool) {
	srv, cookie := benchServer(b)
	get := func() {
		req := httptest.NewRequest(http.MethodGet, url, nil)
		req.Header.Set("Cookie", cookie)
		if hx {
			req.Header.Set("HX-Request", "true")
		}
		resp, err := srv.App().Test(originForm(req), -1)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("GET %s: %d", url, resp.StatusCode)
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

// BenchmarkSeed1M reports how long seeding the benchmarks' database took,
// whichever benchmark triggered it, and how large the file is.
func BenchmarkSeed1M(b *testing.B) {
	for b.Loop() {
		benchServer(b)
	}
	b.ReportMetric(seeded.took.Seconds(), "seed-s")
	b.ReportMetric(float64(benchContacts)/seeded.took.Seconds(), "contacts/s")
	b.ReportMetric(float64(seeded.size)/(1<<20), "db-MB")
}

func BenchmarkContactList(b *testing.B) { benchPage(b, "/contacts", false) }

func BenchmarkUnverifiedView(b *testing.B) { benchPage(b, "/contacts?view=unverified", false) }

// BenchmarkSearch types typical searches; "broad" is one Hangul letter
// that a fifth of the contacts match, "address_and_word" pairs an
// address prefix with a word most contacts match, and "domain" is the
// domain of a good share of the addresses.
func BenchmarkSearch(b *testing.B) {
	for _, s := range []struct{ name, q string }{
		{"name", "kim min"}, {"email", "olivia.mar"}, {"korean", "김민"}, {"phone", "010-12"},
		{"company", "hooli"}, {"broad", "김"}, {"broad_latin", "a"},
		{"address", "olivia.martin@"}, {"address_exact", "olivia.martin12@gmail.com"}, {"address_and_word", "a olivia.martin@"},
		{"address_and_name", "martin olivia.martin@"}, {"domain", "@gmail.com"}, {"domain_and_name", "kim @naver.com"},
	} {
		b.Run(s.name, func(b *testing.B) { benchPage(b, "/contacts?q="+url.QueryEscape(s.q), false) })
	}
}

// BenchmarkSearchAsYouType asks for the results fragment only, as the
// search box does while typing.
func BenchmarkSearchAsYouType(b *testing.B) {
	benchPage(b, "/contacts?q="+url.QueryEscape("kim min"), true)
}

// BenchmarkListViews covers every view and sort, including descending.
func BenchmarkListViews(b *testing.B) {
	for _, view := range []string{"", "verified", "unverified", "blocked", "deleted"} {
		for _, sort := range []string{"name", "created", "updated"} {
			for _, dir := range []string{"", "desc"} {
				name := "view=" + view + "/sort=" + sort + "/dir=" + dir
				b.Run(name, func(b *testing.B) {
					benchPage(b, "/contacts?view="+view+"&sort="+sort+"&dir="+dir, true)
				})
			}
		}
	}
}

// BenchmarkDeepPage measures how paging far into a list costs: OFFSET
// walks the index up to the page.
func BenchmarkDeepPage(b *testing.B) {
	for _, p := range []struct{ name, url string }{
		{"all_page_1000", "/contacts?page=1000"}, {"unverified_page_1000", "/contacts?view=unverified&page=1000"},
		{"all_last_page", "/contacts?page=30000"}, {"search_page_300", "/contacts?q=" + url.QueryEscape("김") + "&page=300"},
	} {
		b.Run(p.name, func(b *testing.B) { benchPage(b, p.url, false) })
	}
}

package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// benchCards is how many cards the benchmark seeds: 2,000 by default,
// more with CARDDAV_BENCH_CARDS (Radicale needs minutes per 10,000).
func benchCards() int {
	if n, err := strconv.Atoi(os.Getenv("CARDDAV_BENCH_CARDS")); err == nil && n > 0 {
		return n
	}
	return 2_000
}

const benchChanges = 1_000

// BenchmarkSync seeds the address book through Radicale's storage, then
// measures the first full pull, an incremental pull of 1,000 cards edited
// by another client, and a push of 1,000 updates, in seconds each.
func BenchmarkSync(b *testing.B) {
	r := startRadicale(b)
	r.timeout = 900 // Radicale's first report reads and hashes every file
	n := benchCards()
	for i := range n {
		r.seed("contacts", fmt.Sprintf("c%06d.vcf", i), benchCard(i, "Engineer"))
	}
	r.warm(b)
	p, ref := startPlugin(b, buildPlugin(b), r, "contacts")
	var first, incr, pushed time.Duration
	for range b.N {
		start := time.Now()
		all, cursor := benchPull(b, p, ref, "", n)
		first += time.Since(start)
		for i := range benchChanges {
			r.seed("contacts", fmt.Sprintf("c%06d.vcf", i*(n/benchChanges)), benchCard(i*(n/benchChanges), "Manager"))
		}
		start = time.Now()
		changed, _ := benchPull(b, p, ref, cursor, benchChanges)
		incr += time.Since(start)
		start = time.Now()
		benchPush(b, p, ref, changed)
		pushed += time.Since(start)
		_ = all
	}
	b.ReportMetric(first.Seconds()/float64(b.N), "first-pull-s")
	b.ReportMetric(incr.Seconds()/float64(b.N), "incremental-pull-s")
	b.ReportMetric(pushed.Seconds()/float64(b.N), "push-1000-s")
	b.ReportMetric(float64(n), "cards")
}

func benchCard(i int, title string) string {
	return fmt.Sprintf("BEGIN:VCARD\nVERSION:3.0\nUID:c%06d\nFN:Person %d\nN:%d;Person;;;\nEMAIL:p%d@corp%d.example\n"+
		"TEL;TYPE=work:+1 555 %07d\nORG:Corp %d\nTITLE:%s\nCATEGORIES:bench\nEND:VCARD", i, i, i, i, i%50, i, i%50, title)
}

// benchPull pulls in batches of 500 and returns the changes, keyed by id.
func benchPull(b *testing.B, p *host.Plugin, ref host.Ref, cursor string, want int) (map[string]sdk.Change, string) {
	got := map[string]sdk.Change{}
	err := p.Pull(context.Background(), host.PullRequest{Ref: ref, Cursor: cursor, BatchSize: 500}, func(batch sdk.ChangeBatch) error {
		for _, c := range batch.Changes {
			got[c.RemoteID] = c
		}
		cursor = batch.Cursor
		return nil
	})
	if err != nil || len(got) != want {
		b.Fatalf("pull from %q: %d changes, want %d (%v)", cursor, len(got), want, err)
	}
	return got, cursor
}

// benchPush updates every pulled card, 100 changes per Push.
func benchPush(b *testing.B, p *host.Plugin, ref host.Ref, changed map[string]sdk.Change) {
	var batch []sdk.Change
	flush := func() {
		rs, err := p.Push(context.Background(), ref, batch)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range rs {
			if r.Status != sdk.PushOK {
				b.Fatalf("push: %+v", r)
			}
		}
		batch = batch[:0]
	}
	for id, c := range changed {
		batch = append(batch, sdk.Change{Op: sdk.OpUpsert, RemoteID: id, BaseVersion: c.Version,
			IdempotencyKey: "bench-" + id + "-" + c.Version, Values: map[string][]string{"title": {"Director"}}})
		if len(batch) == 100 {
			flush()
		}
	}
	if len(batch) > 0 {
		flush()
	}
}

// warm lists the book once so Radicale parses the seeded files and fills
// its item cache, which it does once per file: part of seeding, not of a
// pull.
func (r *radicale) warm(b *testing.B) {
	req, _ := http.NewRequest("PROPFIND", r.url("contacts"), strings.NewReader(
		`<?xml version="1.0"?><propfind xmlns="DAV:"><prop><getetag/></prop></propfind>`))
	req.SetBasicAuth(testUser, testPass)
	req.Header.Set("Depth", "1")
	resp, err := (&http.Client{Timeout: 30 * time.Minute}).Do(req)
	if err != nil {
		b.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

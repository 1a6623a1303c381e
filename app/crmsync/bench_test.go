package crmsync_test

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/contact"
)

// benchSize reads a size from the environment, or takes def.
func benchSize(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// BenchmarkSync seeds CRMSYNC_BENCH_CARDS cards (1,000 by default)
// through Radicale's storage and measures the first sync that creates
// them all in Portico, then one sync of CRMSYNC_BENCH_CHANGES changes
// (200 by default) made on each side, in seconds each.
func BenchmarkSync(b *testing.B) {
	n, k := benchSize("CRMSYNC_BENCH_CARDS", 1_000), benchSize("CRMSYNC_BENCH_CHANGES", 200)
	var first, incr time.Duration
	for range b.N {
		e := newEnvTimeout(b, 900)
		for i := range n {
			e.rad.Seed(fmt.Sprintf("c%06d.vcf", i), benchCard(i, "Engineer"))
		}
		e.configure("keep")
		start := time.Now()
		if _, err := e.engine.Confirm(e.ctx, e.id); err != nil {
			b.Fatal(err)
		}
		first += time.Since(start)
		ids, err := e.st.LiveContactIDs(e.ctx)
		if err != nil || len(ids) != n {
			b.Fatalf("%d contacts after the first sync, want %d (%v)", len(ids), n, err)
		}
		for i := range k {
			e.rad.Seed(fmt.Sprintf("c%06d.vcf", 2*i), benchCard(2*i, "Manager"))
			c, _ := e.st.Contact(e.ctx, ids[2*i+1])
			in := contact.InputOf(c.Fields())
			in.JobTitle = "Director"
			if err := e.contacts.Update(e.ctx, e.agent, c.ID, in); err != nil {
				b.Fatal(err)
			}
		}
		start = time.Now()
		e.sync()
		incr += time.Since(start)
		if conn, _ := e.st.CRMConnector(e.ctx, e.id); conn.Pushed != int64(k) {
			b.Fatalf("%d pushed, want %d", conn.Pushed, k)
		}
	}
	b.ReportMetric(first.Seconds()/float64(b.N), "first-sync-s")
	b.ReportMetric(incr.Seconds()/float64(b.N), "incremental-sync-s")
	b.ReportMetric(float64(n), "cards")
	b.ReportMetric(float64(k), "changes-each-way")
}

func benchCard(i int, title string) string {
	return fmt.Sprintf("BEGIN:VCARD\nVERSION:3.0\nUID:c%06d\nFN:Person %d\nEMAIL:p%d@corp%d.example\n"+
		"TEL;TYPE=work:+1 555 %07d\nTITLE:%s\nCATEGORIES:bench\nEND:VCARD", i, i, i, i%50, i, title)
}

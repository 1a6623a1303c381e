package imports

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// BenchmarkImportCompanies imports a companies file (name, two domains,
// industry, tier, renewal date) into a database holding a contact at
// every tenth company's domain, then the same file again (every row
// matches and nothing differs). It reports rows per second of each.
// PORTICO_BENCH_ROWS sets the rows (default 50,000). Run it alone:
//
//	go test -tags sqlite_fts5 -run '^$' -bench ImportCompanies -benchtime 1x ./app/imports
func BenchmarkImportCompanies(b *testing.B) {
	rows := 50_000
	if v, err := strconv.Atoi(os.Getenv("PORTICO_BENCH_ROWS")); err == nil {
		rows = v
	}
	for range b.N {
		e := newEnv(b)
		e.d.BatchSize = 0
		path := filepath.Join(e.dir, "companies.csv")
		writeCompaniesFile(b, e, path, rows)
		b.ResetTimer()
		for _, pass := range []string{"create", "reimport"} {
			start := time.Now()
			im := e.importFile(b, path, Params{Kind: KindCompanies})
			secs := time.Since(start).Seconds()
			if im.State != model.JobDone || im.Rows() != rows || im.Failed != 0 {
				b.Fatalf("%s: %s %+v", pass, im.State, im.ImportCounts)
			}
			b.ReportMetric(float64(rows)/secs, pass+"-rows/s")
		}
		b.StopTimer()
		b.ReportMetric(peakMB(), "peak-MB")
	}
}

func writeCompaniesFile(b *testing.B, e *env, path string, n int) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "Company Name,Domains,Industry,Account Tier,Renewal Date")
	for i := range n {
		fmt.Fprintf(w, "Company %d,\"co%d.example, www.co%d.example.org\",Industry %d,Premium,2027-%02d-15\n", i, i, i, i%40, i%12+1)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	contacts := e.file(b, "contacts.csv", "Name,Email")
	cf, err := os.OpenFile(contacts, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < n; i += 10 {
		fmt.Fprintf(cf, "Person %d,person%d@co%d.example\n", i, i, i)
	}
	cf.Close()
	e.importFile(b, contacts, Params{})
}

package imports

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// BenchmarkImportB2B imports, into an empty database, a file shaped like
// a business's customer base: people in companies of 200, each company
// with its own email domain, the rows in no particular order (as a CRM
// export sorted by name would be), with name, email, phone, company and
// job title. It reports the import's time per row and its parts (see
// store.WriteTimes), next to the sqlite3
// shell's .import of the file and to plain SQL writing the same rows
// into Portico's schema (see floorParts), each part of which it reports
// too, so that what the import adds to the writes it must do shows part
// by part. PORTICO_BENCH_ROWS sets the rows (default 100,000); time per
// row that grows with the rows means something grows faster than them.
// Run it alone:
//
//	go test -tags sqlite_fts5 -run '^$' -bench ImportB2B -benchtime 1x ./app/imports
func BenchmarkImportB2B(b *testing.B) {
	rows := 100_000
	if v, err := strconv.Atoi(os.Getenv("PORTICO_BENCH_ROWS")); err == nil {
		rows = v
	}
	config.TuneGC()
	for range b.N {
		e := newEnv(b)
		e.d.BatchSize = 0
		e.st.Times = &store.WriteTimes{}
		path := filepath.Join(e.dir, "customers.csv")
		writeB2BFile(b, path, rows)
		b.ResetTimer()
		read, written := ioMB()
		start, cpu := time.Now(), cpuSeconds()
		im := e.importFile(b, path, Params{})
		secs := time.Since(start).Seconds()
		b.StopTimer()
		if im.State != model.JobDone || im.Created != rows {
			b.Fatalf("%s %+v", im.State, im.ImportCounts)
		}
		b.ReportMetric(secs*1e6/float64(rows), "µs/row")
		b.ReportMetric(cpuSeconds()-cpu, "cpu-s")
		other := secs
		for part, d := range e.st.Times.Parts() {
			b.ReportMetric(d.Seconds(), "import-"+part+"-s")
			other -= d.Seconds()
		}
		// The rest: reading and checking the file, looking rows up,
		// creating companies, the checkpoints.
		b.ReportMetric(other, "import-other-s")
		read2, written2 := ioMB()
		b.ReportMetric(read2-read, "read-MB")
		b.ReportMetric(written2-written, "written-MB")
		db := filepath.Join(e.dir, "portico.db")
		// What the WAL still holds is copied into the database after the
		// import, in the background, and not counted above.
		if fi, err := os.Stat(db + "-wal"); err == nil {
			b.ReportMetric(float64(fi.Size())/1e6, "wal-left-MB")
		}
		reportSizes(b, db)
		if shell, err := shellImport(e.dir, path); err == nil {
			b.ReportMetric(shell, "sqlite3-import-s")
			b.ReportMetric(secs/shell, "x-sqlite3-import")
		} else {
			b.Logf("sqlite3 shell: %v", err)
		}
		for _, f := range []struct {
			name  string
			batch int
		}{{"floor", e.d.batchSize()}, {"floor1tx", 0}} {
			if parts, err := floorParts(e.dir, path, db, rows, f.batch); err == nil {
				reportFloor(b, f.name, parts, secs)
			} else {
				b.Logf("sqlite3 shell, Portico's schema: %v", err)
			}
		}
		b.ReportMetric(peakMB(), "peak-MB")
	}
}

// b2bCompanySize is how many people each company of the file has.
const b2bCompanySize = 200

// writeB2BFile writes n people of n/200 companies. Row i holds person
// i*611953 mod n, a prime stride that scatters each company's people
// over the whole file, yet the same n always gives the same file.
func writeB2BFile(b *testing.B, path string, n int) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "Name,Email,Phone,Company,Job Title")
	for i := range n {
		p := i * 611953 % n
		if n%611953 == 0 {
			p = i
		}
		co := p / b2bCompanySize
		first, last := b2bFirst[p%len(b2bFirst)], b2bLast[(p/len(b2bFirst))%len(b2bLast)]
		fmt.Fprintf(w, "%s %s,%s.%s.%d@%s.example.com,+1 %03d 555 %04d,%s %d,%s\n",
			first, last, first, last, p, b2bDomain[co%len(b2bDomain)]+strconv.Itoa(co),
			200+co%800, p%10000, b2bSuffix[co%len(b2bSuffix)], co, b2bTitle[p%len(b2bTitle)])
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
}

var (
	b2bFirst = []string{"Olivia", "Liam", "Emma", "Noah", "Ava", "Oliver", "Sophia", "Elijah", "Isabella", "James",
		"Mia", "William", "Amelia", "Benjamin", "Harper", "Lucas", "Evelyn", "Henry", "Abigail", "Alexander",
		"Emily", "Mason", "Ella", "Michael", "Scarlett", "Ethan", "Grace", "Daniel", "Chloe", "Jacob"}
	b2bLast = []string{"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
		"Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson",
		"Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson"}
	b2bDomain = []string{"acme", "globex", "initech", "umbrella", "hooli", "vandelay", "stark", "wayne", "wonka", "tyrell"}
	b2bSuffix = []string{"Acme Holdings", "Globex Corp", "Initech Ltd", "Umbrella GmbH", "Hooli Inc",
		"Vandelay Industries", "Stark Systems", "Wayne Logistics", "Wonka Foods", "Tyrell Labs"}
	b2bTitle = []string{"Account Manager", "Chief Executive Officer", "Head of Support", "Software Engineer",
		"Procurement Lead", "Operations Director", "Finance Controller", "Sales Representative", "Office Manager",
		"IT Administrator", "Product Manager", "Customer Success Lead"}
)

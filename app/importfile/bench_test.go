package importfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// benchFile writes a CSV of n contacts (name, email, phone, company, job
// title) to a temporary file.
func benchFile(b *testing.B, n int) *os.File {
	f, err := os.Create(filepath.Join(b.TempDir(), "contacts.csv"))
	must(b, err)
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "Name,Email,Phone,Company,Job Title")
	for i := range n {
		fmt.Fprintf(w, "Contact %d,contact%d@example.com,+1 555 %07d,Company %d,Support Engineer\n", i, i, i, i%5000)
	}
	must(b, w.Flush())
	return f
}

// benchRead reads the whole file b.N times, applying the suggested mapping
// when apply is set, and reports rows per second.
func benchRead(b *testing.B, apply bool) {
	const rows = 1_000_000
	f := benchFile(b, rows)
	defer f.Close()
	info, err := f.Stat()
	must(b, err)
	b.SetBytes(info.Size())
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		rd, err := Open(f, info.Size(), Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}, Limits{})
		must(b, err)
		m := SuggestMapping(rd.Header())
		n := 0
		for row, err := rd.Next(); ; row, err = rd.Next() {
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if apply {
				if _, errs := m.Apply(row); len(errs) > 0 {
					b.Fatal(errs)
				}
			}
			n++
		}
		if n != rows {
			b.Fatalf("read %d rows", n)
		}
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkReadCSV(b *testing.B)      { benchRead(b, false) }
func BenchmarkReadApplyCSV(b *testing.B) { benchRead(b, true) }

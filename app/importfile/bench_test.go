package importfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
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

// benchXLSX writes the same contacts as an Excel file.
func benchXLSX(b *testing.B, n int) *os.File {
	x := excelize.NewFile()
	defer x.Close()
	sw, err := x.NewStreamWriter("Sheet1")
	must(b, err)
	must(b, sw.SetRow("A1", []any{"Name", "Email", "Phone", "Company", "Job Title"}))
	for i := range n {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		must(b, sw.SetRow(cell, []any{fmt.Sprintf("Contact %d", i), fmt.Sprintf("contact%d@example.com", i),
			fmt.Sprintf("+1 555 %07d", i), fmt.Sprintf("Company %d", i%5000), "Support Engineer"}))
	}
	must(b, sw.Flush())
	f, err := os.Create(filepath.Join(b.TempDir(), "contacts.xlsx"))
	must(b, err)
	must(b, x.Write(f))
	return f
}

// benchRead reads the whole file b.N times, applying the suggested mapping
// when apply is set, and reports rows per second.
func benchRead(b *testing.B, d Dialect, rows int, apply bool) {
	write := benchFile
	if d.Kind == KindXLSX {
		write = benchXLSX
	}
	f := write(b, rows)
	defer f.Close()
	info, err := f.Stat()
	must(b, err)
	b.SetBytes(info.Size())
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		rd, err := Open(f, info.Size(), d, Limits{})
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

var benchCSV = Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}

func BenchmarkReadCSV(b *testing.B)      { benchRead(b, benchCSV, 1_000_000, false) }
func BenchmarkReadApplyCSV(b *testing.B) { benchRead(b, benchCSV, 1_000_000, true) }
func BenchmarkReadXLSX(b *testing.B) {
	benchRead(b, Dialect{Kind: KindXLSX, Header: true}, 100_000, false)
}

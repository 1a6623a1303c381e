package importfile

import (
	"bytes"
	"testing"
)

// FuzzReader feeds arbitrary bytes through Detect, Open and Next: nothing
// may panic, every row fits the header, row numbers rise, and the output
// stays within a small multiple of the input.
func FuzzReader(f *testing.F) {
	for _, seed := range [][]byte{
		googleCSV(), europeanCSV(), koreanCSV(f), utf16CSV(f), workbook(f), garbage(64),
		[]byte("a,b\n\"c\nd\"\"e,f\n\"g,h"), []byte("a;b\r\r\n;\"\"\"\n"),
	} {
		f.Add(seed)
	}
	lim := Limits{MaxRows: 5000, MaxCell: 1 << 10, MaxExpanded: 8 << 20}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Detect(data[:min(len(data), HeadSize)], "f.csv")
		if err != nil {
			return
		}
		rd, err := Open(bytes.NewReader(data), int64(len(data)), d, lim)
		if err != nil {
			return
		}
		defer rd.Close()
		width, last, out := len(rd.Header()), 1, 0
		for row, err := rd.Next(); err == nil; row, err = rd.Next() {
			if len(row.Cells) != width || row.Number <= last {
				t.Fatalf("row %d after %d has %d cells, header %d", row.Number, last, len(row.Cells), width)
			}
			last = row.Number
			for _, c := range row.Cells {
				out += len(c)
			}
		}
		if d.Kind == KindCSV && out > 3*len(data) {
			t.Fatalf("%d bytes of input gave %d bytes of cells", len(data), out)
		}
	})
}

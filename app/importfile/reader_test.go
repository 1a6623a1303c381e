package importfile

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	xunicode "golang.org/x/text/encoding/unicode"
)

// numbered is a CSV with a header and n rows "Name i,i@example.com".
func numbered(n int) []byte {
	var b bytes.Buffer
	b.WriteString("name,email\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "Name %d,%d@example.com\n", i, i)
	}
	return b.Bytes()
}

func TestLimits(t *testing.T) {
	unclosed := append([]byte("name,about\nAnn,\"opens\n"), numbered(60000)...)
	// long is a row of 20 cells of 60 KB: each within the cell limit,
	// together over the row limit, and without a quote.
	long := strings.TrimSuffix(strings.Repeat(strings.Repeat("x", 60<<10)+",", 20), ",")
	longRow := []byte("name,about\nAnn,short\n\r\n\n" + long + "\nBo,short\n")
	longUTF16 := encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), string(longRow))
	const rowMsg = "This row is longer than 1 MB, the most a row may hold, so the rest of the file cannot be read. " +
		"A cell may hold at most 64 KB; shorten the long cells of this row or split them over more columns."
	cases := []struct {
		name string
		data []byte
		lim  Limits
		rows int
		err  string
	}{
		{"rows at the limit", numbered(5), Limits{MaxRows: 5}, 5, ""},
		{"rows over the limit", numbered(6), Limits{MaxRows: 5}, 5, "Row 7: The file has more than 5 rows. Split it into smaller files."},
		{"bytes over the limit", numbered(100), Limits{MaxBytes: 2048}, 0, "This file is larger than 2 KB. Split it into smaller files."},
		{"a quote that never closes in a big file", unclosed, Limits{}, 0,
			`Row 2: This row is longer than 1 MB, the most a row may hold: a quote (") opens a cell in it and does not close within 1 MB. Check the quotes in this row.`},
		{"a row over 1 MB without quotes", longRow, Limits{}, 1, "Row 5: " + rowMsg},
		{"a row over 1 MB in utf-16", longUTF16, Limits{}, 1, "Row 5: " + rowMsg},
		{"columns over the limit", []byte(strings.Repeat("c,", 1000) + "c\n" + strings.Repeat("1,", 1000) + "1\n"), Limits{}, 0,
			"Row 1: This file has 1001 columns; an import reads at most 1000. Delete the columns you do not need and upload it again."},
		{"columns at the limit", []byte("a,b,c\n1,2,3\n"), Limits{MaxColumns: 3}, 1, ""},
		{"a larger cell limit", []byte("name,about\nAnn," + strings.Repeat("x", 100<<10) + "\n"), Limits{MaxCell: 128 << 10}, 1, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := readAll(t, "a.csv", tc.data, tc.lim)
			if got := fileErr(res.err); got != tc.err || len(res.rows) != tc.rows {
				t.Errorf("%d rows, error %q; want %d, %q", len(res.rows), got, tc.rows, tc.err)
			}
			if p := problems(res.rows); len(p) > 0 {
				t.Errorf("problems %v", p)
			}
		})
	}
}

// TestSkipTo resumes as a restarted job would: the file has rows 2 to
// 1001, the job committed up to row 500, so reading goes on at row 501.
func TestSkipTo(t *testing.T) {
	data := numbered(1000)
	rd, err := Open(bytes.NewReader(data), int64(len(data)), Dialect{Kind: KindCSV, Delimiter: ',', Header: true}, Limits{})
	must(t, err)
	defer rd.Close()
	must(t, rd.SkipTo(500))
	var numbers []int
	for row, err := rd.Next(); err == nil; row, err = rd.Next() {
		numbers = append(numbers, row.Number)
	}
	if len(numbers) != 501 || numbers[0] != 501 || numbers[500] != 1001 {
		t.Errorf("after SkipTo(500) read %d rows, %v ... %v", len(numbers), numbers[:1], numbers[len(numbers)-1:])
	}
}

// TestOverride reads files with the dialect a person chose on the mapping
// step: no header row, and a delimiter Detect would not pick.
func TestOverride(t *testing.T) {
	data := []byte("Ann;ann@example.com,x\nBo;bo@example.com,y\n")
	rd, err := Open(bytes.NewReader(data), int64(len(data)), Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ';'}, Limits{})
	must(t, err)
	defer rd.Close()
	if h := rd.Header(); !reflect.DeepEqual(h, []string{"Column A", "Column B"}) {
		t.Errorf("header %q", h)
	}
	var got []string
	for row, err := rd.Next(); err == nil; row, err = rd.Next() {
		got = append(got, fmt.Sprint(row.Number, row.Cells))
	}
	if want := []string{"1 [Ann ann@example.com,x]", "2 [Bo bo@example.com,y]"}; !reflect.DeepEqual(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
}

// TestErrorsStick keeps returning the file error that ended reading.
func TestErrorsStick(t *testing.T) {
	data := numbered(3)
	rd, err := Open(bytes.NewReader(data), int64(len(data)), benchCSV, Limits{MaxRows: 1})
	must(t, err)
	defer rd.Close()
	if _, err := rd.Next(); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := rd.Next(); fileErr(err) != "Row 3: The file has more than 1 rows. Split it into smaller files." {
			t.Errorf("got %v", err)
		}
	}
}

package importfile

import (
	"reflect"
	"strings"
	"testing"
)

// TestCorpus reads awkward real-world files and checks what Detect
// guesses, how many rows come out, and every row and file error.
func TestCorpus(t *testing.T) {
	cases := []struct {
		name, file string
		data       []byte
		dialect    Dialect
		columns    int
		rows       int
		problems   map[int]string
		err        string
	}{
		{"google contacts", "contacts.csv", googleCSV(), Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}, 25, 2, nil, ""},
		{"outlook", "outlook.csv", outlookCSV(t), Dialect{Kind: KindCSV, Encoding: Windows1252, Delimiter: ',', Header: true}, 37, 1, nil, ""},
		{"european excel", "kunden.csv", europeanCSV(), Dialect{Kind: KindCSV, Encoding: UTF8BOM, Delimiter: ';', Header: true}, 4, 3, nil, ""},
		{"korean cp949", "고객.csv", koreanCSV(t), Dialect{Kind: KindCSV, Encoding: CP949, Delimiter: ',', Header: true}, 5, 2, nil, ""},
		{"utf-16 le", "export.txt", utf16CSV(t), Dialect{Kind: KindCSV, Encoding: UTF16LE, Delimiter: '\t', Header: true}, 3, 2, nil, ""},
		{"ragged rows", "ragged.csv", []byte("name,email,phone\nAnn,ann@example.com\nBo,bo@example.com,123,extra\nCy,cy@example.com,456,\n"),
			Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}, 3, 3, map[int]string{
				2: "warning: This row has 2 cells but the header has 3; the missing cells are read as blank.",
				3: "warning: This row has 4 cells but the header has 3; the extra cells are ignored.",
			}, ""},
		{"stray quotes", "quotes.csv", []byte("name,email\nAnn \"The Boss\" Lee,ann@example.com\n\"Bo\"x,bo@example.com\nCy,cy@example.com\n"),
			Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}, 2, 3, map[int]string{
				2: `Cell A has a quote (") inside it but does not start with one. Put the cell in quotes and double the quotes inside it ("").`,
				3: `Cell A has text after its closing quote ("). Double the quotes inside a quoted cell ("").`,
			}, ""},
		{"quote never closes", "open.csv", []byte("name,email\nAnn,ann@example.com\n\"Bo,bo@example.com\nCy,cy@example.com\n"),
			Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}, 2, 1, nil,
			`Row 3: A quote (") opens cell A and never closes, so the rest of the file cannot be read. Check the quotes in this row.`},
		{"quote never closes on the last line", "open.csv", []byte("name,email\nAnn,ann@example.com\nBo,\"bo@example.com"),
			Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}, 2, 2, map[int]string{
				3: `A quote (") in cell B does not close where it should. Check the quotes in this row.`,
			}, ""},
		{"embedded newlines and blank lines", "notes.csv", []byte("name,about\n\"Ann\",\"line one\nline two\r\nline three\"\n\nBo,\"x\"\n,\nCy,z\n"),
			Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}, 2, 3, nil, ""},
		{"100 KB cell", "big.csv", []byte("name,about\nAnn,short\nBo," + strings.Repeat("x", 100<<10) + "\nCy,short\n"),
			Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}, 2, 3, map[int]string{
				3: "Cell B (about) holds 100 KB; a cell may hold at most 64 KB.",
			}, ""},
		{"formula cells are data", "formulas.csv", []byte("name,phone,about\n\"=HYPERLINK(\"\"http://x.example\"\")\",+1 555 0101,@mention -1\n"),
			Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}, 3, 1, nil, ""},
		{"old mac line endings", "mac.csv", []byte("name,email\rAnn,ann@example.com\rBo,bo@example.com\r"),
			Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}, 2, 2, nil, ""},
		{"header only", "header.csv", []byte("name,email\r\n"), Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}, 2, 0, nil, ""},
		{"empty", "empty.csv", nil, Dialect{}, 0, 0, nil, "The file is empty."},
		{"only a bom and blank lines", "blank.csv", []byte("\ufeff\r\n\r\n"), Dialect{}, 0, 0, nil, "The file is empty."},
		{"nul byte in one cell", "contacts.csv", []byte("name,email\nAnn,ann@example.com\nBo\x00,bo@example.com\n"),
			Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}, 2, 2, nil, ""},
		{"binary garbage", "contacts.csv", garbage(4096), Dialect{}, 0, 0, nil, "This file is neither CSV nor Excel (.xlsx)."},
		{"png image", "photo.csv", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), garbage(200)...), Dialect{}, 0, 0, nil, "This file is neither CSV nor Excel (.xlsx)."},
		{"old excel", "contacts.xls", append(oleMagic, garbage(512)...), Dialect{}, 0, 0, nil, msgOldExcel},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := readAll(t, tc.file, tc.data, Limits{})
			if got := fileErr(res.err); got != tc.err {
				t.Fatalf("file error %q, want %q", got, tc.err)
			}
			if tc.dialect.Kind != "" && res.dialect != tc.dialect {
				t.Errorf("dialect %+v, want %+v", res.dialect, tc.dialect)
			}
			if len(res.header) != tc.columns || len(res.rows) != tc.rows {
				t.Errorf("%d columns and %d rows, want %d and %d", len(res.header), len(res.rows), tc.columns, tc.rows)
			}
			if got := problems(res.rows); !reflect.DeepEqual(got, tc.problems) && len(got)+len(tc.problems) > 0 {
				t.Errorf("problems %v, want %v", got, tc.problems)
			}
		})
	}
}

// TestCorpusCells checks that text survives decoding, quoting and line
// breaks, and that rows are numbered as a spreadsheet shows them.
func TestCorpusCells(t *testing.T) {
	cases := []struct {
		name    string
		data    []byte
		numbers []int
		cells   map[int][]string // by row number
	}{
		{"korean cp949", koreanCSV(t), []int{2, 3}, map[int][]string{2: {"김", "민준", "minjun@example.kr", "010-1234-5678", "포르티코"}}},
		{"utf-16 le", utf16CSV(t), []int{2, 3}, map[int][]string{2: {"최지우", "jiwoo@example.kr", "Éclair SA"}, 3: {"Zoë Faure", "zoe@example.fr", ""}}},
		{"european excel", europeanCSV(), []int{2, 3, 4}, map[int][]string{3: {"Luca Rossi", "luca@example.it", "+39 06 5555", "99,5"}}},
		{"embedded newlines", []byte("name,about\n\"Ann\",\"line one\nline two\r\nline three\"\n\nBo,\"x\"\n,\nCy,z\n"), []int{2, 4, 6},
			map[int][]string{2: {"Ann", "line one\nline two\nline three"}, 6: {"Cy", "z"}}},
		{"formula cells", []byte("name,phone,about\n\"=HYPERLINK(\"\"http://x.example\"\")\",+1 555 0101,@mention -1\n"), []int{2},
			map[int][]string{2: {`=HYPERLINK("http://x.example")`, "+1 555 0101", "@mention -1"}}},
		{"old mac line endings", []byte("name,email\rAnn,ann@example.com\rBo,bo@example.com\r"), []int{2, 3},
			map[int][]string{3: {"Bo", "bo@example.com"}}},
		{"nul bytes in a cell", []byte("name,email,about\nAnn,ann@example.com,pad\x00\x00ded\nBo,bo@example.com,x\x00\n"), []int{2, 3},
			map[int][]string{2: {"Ann", "ann@example.com", "padded"}, 3: {"Bo", "bo@example.com", "x"}}},
		{"nul byte in a windows-1252 file", []byte("name,city\nJ\xfcrgen,K\xf6ln\x00\n"), []int{2}, map[int][]string{2: {"Jürgen", "Köln"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := readAll(t, "file.csv", tc.data, Limits{})
			if res.err != nil {
				t.Fatal(res.err)
			}
			var numbers []int
			for _, r := range res.rows {
				numbers = append(numbers, r.Number)
				if want, ok := tc.cells[r.Number]; ok && !reflect.DeepEqual(r.Cells, want) {
					t.Errorf("row %d: %q, want %q", r.Number, r.Cells, want)
				}
			}
			if !reflect.DeepEqual(numbers, tc.numbers) {
				t.Errorf("row numbers %v, want %v", numbers, tc.numbers)
			}
		})
	}
}

package importfile

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/korean"
	xunicode "golang.org/x/text/encoding/unicode"
)

func TestDetect(t *testing.T) {
	utf16be := xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	utf16le := xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	longKorean := strings.Repeat("이름,이메일\n김민준,a@example.kr\n", 3000)
	cases := []struct {
		name, file string
		head       []byte
		want       Dialect
	}{
		{"utf-8", "a.csv", []byte("name,email\nÅsa,asa@example.se\n"), Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}},
		{"utf-8 cut inside a character", "a.csv", []byte("name,email\n김민준")[:19], Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}},
		{"utf-16 be without bom", "a.csv", encode(t, utf16be, "name;email\nAnn;a@example.com\n"), Dialect{Kind: KindCSV, Encoding: UTF16BE, Delimiter: ';', Header: true}},
		{"utf-16 le without bom", "a.csv", encode(t, utf16le, "name\temail\nAnn\ta@example.com\n"), Dialect{Kind: KindCSV, Encoding: UTF16LE, Delimiter: '\t', Header: true}},
		{"cp949 cut inside a character", "a.csv", encode(t, korean.EUCKR, longKorean)[:HeadSize], Dialect{Kind: KindCSV, Encoding: CP949, Delimiter: ',', Header: true}},
		{"utf-8 with one corrupt byte", "a.csv", []byte("name,city\n" + strings.Repeat("José,São Paulo\n", 5) + "Bad\xff,x\n"), Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}},
		{"windows-1252", "a.csv", []byte("name,city\nJos\xe9,S\xe3o Paulo\n"), Dialect{Kind: KindCSV, Encoding: Windows1252, Delimiter: ',', Header: true}},
		{"xlsx whatever its name", "a.csv", []byte("PK\x03\x04rest"), Dialect{Kind: KindXLSX, Header: true}},
		{"one column", "a.csv", []byte("email\na@example.com\n"), Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}},
		{"tie goes to tab for .tsv", "a.tsv", []byte("a,b\tc\n"), Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: '\t', Header: true}},
		{"tie goes to comma otherwise", "a.txt", []byte("a,b\tc\n"), Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}},
		{"delimiters inside quotes", "a.csv", []byte("\"a;b;c\",d\n\"e;f;g\",h\n"), Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}},
		{"semicolons beat decimal commas", "a.csv", []byte("n;v;w\na;1,5;2\nb;3;4,25\nc;5,5;6,5\n"), Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ';', Header: true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Detect(tc.head, tc.file)
			if err != nil || got != tc.want {
				t.Errorf("got %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

func TestDialectChoices(t *testing.T) {
	for _, c := range Encodings {
		if e, err := ParseEncoding(c.Value); err != nil || string(e) != c.Value {
			t.Errorf("encoding %q does not parse back: %v", c.Value, err)
		}
	}
	for _, c := range Delimiters {
		if d, err := ParseDelimiter(c.Value); err != nil || DelimiterName(d) != c.Value {
			t.Errorf("delimiter %q does not parse back: %v", c.Value, err)
		}
	}
	if _, err := ParseEncoding("ebcdic"); err == nil {
		t.Error("an unknown encoding parses")
	}
	if _, err := ParseDelimiter("|"); err == nil {
		t.Error("an unknown delimiter parses")
	}
}

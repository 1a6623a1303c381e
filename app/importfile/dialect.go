package importfile

import (
	"fmt"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/korean"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Kind is the file format.
type Kind string

// The formats an import reads.
const (
	KindCSV  Kind = "csv"
	KindXLSX Kind = "xlsx"
)

// Encoding names a character encoding of a CSV file.
type Encoding string

// The encodings Detect recognises and Open decodes.
const (
	UTF8        Encoding = "utf-8"
	UTF8BOM     Encoding = "utf-8-bom"
	UTF16LE     Encoding = "utf-16le"
	UTF16BE     Encoding = "utf-16be"
	CP949       Encoding = "cp949"
	Windows1252 Encoding = "windows-1252"
)

// Dialect is how to read a file: what Detect guessed, shown on the mapping
// step, where a person may override Encoding and Delimiter. Encoding and
// Delimiter mean nothing for an Excel file.
type Dialect struct {
	Kind      Kind
	Encoding  Encoding
	Delimiter rune
	// Header says a row names the columns. Detect always assumes so;
	// without it columns are named by letter (A, B, ...) and the first
	// non-blank row is data.
	Header bool
	// HeaderRow is the number of the row that names the columns; the
	// rows above it, such as a title, are not read. Zero takes the
	// detected one (see Reader.HeaderChoices).
	HeaderRow int
	// Sheet names the sheet of an Excel file to read; empty takes the
	// first sheet with data.
	Sheet string
}

// Choice is one option of a select box: its form value and its label.
type Choice struct {
	Value, Label string
}

// Encodings lists the supported encodings in the order the UI offers them.
var Encodings = []Choice{
	{string(UTF8), "UTF-8"},
	{string(UTF8BOM), "UTF-8 with BOM (Excel)"},
	{string(UTF16LE), "UTF-16 LE (Excel Unicode text)"},
	{string(UTF16BE), "UTF-16 BE"},
	{string(CP949), "Korean (CP949 / EUC-KR)"},
	{string(Windows1252), "Western European (Windows-1252)"},
}

// Delimiters lists the supported delimiters; a value is the delimiter's name.
var Delimiters = []Choice{
	{"comma", "Comma (,)"},
	{"semicolon", "Semicolon (;)"},
	{"tab", "Tab"},
}

var delimiterRunes = map[string]rune{"comma": ',', "semicolon": ';', "tab": '\t', ",": ',', ";": ';', "\t": '\t'}

// ParseEncoding reads an encoding's form value.
func ParseEncoding(s string) (Encoding, error) {
	for _, c := range Encodings {
		if strings.EqualFold(strings.TrimSpace(s), c.Value) {
			return Encoding(c.Value), nil
		}
	}
	return "", fmt.Errorf("importfile: unknown encoding %q", s)
}

// ParseDelimiter reads a delimiter by name (comma, semicolon, tab) or as
// the character itself.
func ParseDelimiter(s string) (rune, error) {
	if r, ok := delimiterRunes[strings.ToLower(s)]; ok {
		return r, nil
	}
	return 0, fmt.Errorf("importfile: unknown delimiter %q", s)
}

// DelimiterName is the form value of a delimiter: comma, semicolon or tab.
func DelimiterName(r rune) string {
	for name, d := range delimiterRunes {
		if d == r && len(name) > 1 {
			return name
		}
	}
	return ""
}

// decoder is the x/text decoding of e, or nil for UTF-8, which is read as
// it is (its BOM is skipped by the reader).
func (e Encoding) decoder() encoding.Encoding {
	switch e {
	case UTF16LE:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)
	case UTF16BE:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)
	case CP949:
		return korean.EUCKR
	case Windows1252:
		return charmap.Windows1252
	}
	return nil
}

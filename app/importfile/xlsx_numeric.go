package importfile

import (
	"encoding/xml"
	"slices"

	"github.com/xuri/excelize/v2"
)

// numericScan is how many rows under the header NumericColumns looks at.
const numericScan = 200

// Sheets lists an Excel file's sheets in tab order, and Sheet names the
// one being read; both are empty for CSV.
func (r *Reader) Sheets() []string {
	if s, ok := r.src.(*xlsxSource); ok {
		return s.sheets
	}
	return nil
}

// Sheet is the name of the sheet being read.
func (r *Reader) Sheet() string {
	if s, ok := r.src.(*xlsxSource); ok {
		return s.sheet.Name
	}
	return ""
}

// NumericColumns lists the columns of an Excel sheet that hold numbers,
// not text, in the rows under the header. A phone number stored as a
// number has lost its leading zero, which the review warns about. The
// sheet's part is read again from its start, apart from the rows being
// read, and only as far as those rows.
func (r *Reader) NumericColumns() []int {
	s, ok := r.src.(*xlsxSource)
	if !ok {
		return nil
	}
	rc, err := s.sheetPart().Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	var cols []int
	dec := xml.NewDecoder(rc)
	for tok, err := dec.Token(); err == nil; tok, err = dec.Token() {
		el, ok := tok.(xml.StartElement)
		if !ok || el.Name.Local != "c" {
			continue
		}
		col, row := numericCell(dec, el)
		if row > r.headerRow+numericScan {
			break
		}
		if row > r.headerRow && col >= 0 && !slices.Contains(cols, col) {
			cols = append(cols, col)
		}
	}
	slices.Sort(cols)
	return cols
}

// numericCell reads a cell element and gives its column index when it
// holds a number (no type, or type n, and a value), or -1, and its row.
func numericCell(dec *xml.Decoder, el xml.StartElement) (col, row int) {
	var c struct {
		Ref  string `xml:"r,attr"`
		Type string `xml:"t,attr"`
		V    string `xml:"v"`
	}
	if dec.DecodeElement(&c, &el) != nil {
		return -1, 0
	}
	x, y, err := excelize.CellNameToCoordinates(c.Ref)
	if err != nil || (c.Type != "" && c.Type != "n") || c.V == "" {
		return -1, y
	}
	return x - 1, y
}

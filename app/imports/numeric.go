package imports

import (
	"slices"

	"github.com/portico-hub/portico/app/importfile"
)

// NumericPhones names the columns mapped to Phone or Mobile that hold
// numbers in an Excel sheet: Excel drops a number's leading zero, so
// 010 1234 5678 typed into a General cell reads back as 1012345678.
func (p *Preview) NumericPhones() []string {
	var out []string
	for _, i := range p.Numeric {
		if i >= len(p.Mapping.Columns) {
			continue
		}
		if f := p.Mapping.Columns[i]; f == importfile.Phone || f == importfile.Mobile {
			out = append(out, p.Header[i])
		}
	}
	return slices.Clip(out)
}

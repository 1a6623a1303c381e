package web

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
)

// samplesShown is how many values of each column the mapping step shows.
const samplesShown = 3

// importMapPage is the mapping step.
type importMapPage struct {
	importBase
	Draft   *model.ImportDraft
	Dialect importfile.Dialect
	Columns []mapColumn
	// Fields are what a column can be mapped to, for the selects.
	Fields []importfile.Choice
	// Unreadable says why the file cannot be read as Dialect says.
	Unreadable string
	// Sheets are an Excel file's sheets; HeaderRows the rows that may
	// name the columns, the detected one first.
	Sheets     []string
	HeaderRows []headerChoice
}

// headerChoice is a row offered as the header: its number and the start
// of its cells.
type headerChoice struct {
	Number   int
	Label    string
	Detected bool
}

// mapColumn is one column of the file as the mapping step shows it.
type mapColumn struct {
	Index   int
	Header  string
	Samples []string
	Field   string
}

// The choices of the step's dialect selects.
func (importMapPage) Encodings() []importfile.Choice  { return importfile.Encodings }
func (importMapPage) Delimiters() []importfile.Choice { return importfile.Delimiters }

// Delimiter is the form value of the chosen delimiter.
func (p importMapPage) Delimiter() string { return importfile.DelimiterName(p.Dialect.Delimiter) }

// IsCSV tells a CSV file, whose encoding and delimiter can be changed,
// from an Excel one.
func (p importMapPage) IsCSV() bool { return p.Dialect.Kind == importfile.KindCSV }

// Step numbers the wizard's steps for the step bar.
func (importMapPage) Step() int { return 2 }

// renderMap shows the mapping step as the draft holds it, with the
// messages of a mapping that cannot be imported.
func (s *Server) renderMap(c *fiber.Ctx, d *model.ImportDraft, status int, errs map[string]string) error {
	dl, err := imports.DraftDialect(d)
	if err != nil {
		return err
	}
	k := imports.Kind(d.Kind)
	p := importMapPage{importBase: s.importBase(c, "Map columns · "+d.Filename), Draft: d, Dialect: dl, Fields: imports.Fields(k)}
	p.Errors = errs
	pre, err := s.previewFor(c.UserContext(), k, d.Path, dl, d.Mapping)
	if err != nil {
		pre, err = s.previewFor(c.UserContext(), k, d.Path, dl, nil)
	}
	var fe *importfile.FileError
	switch {
	case errors.As(err, &fe):
		p.Unreadable, status = fe.Error(), fiber.StatusUnprocessableEntity
	case err != nil:
		return err
	default:
		p.Columns, p.HeaderRows = mapColumns(pre), headerChoices(pre)
	}
	if dl.Kind == importfile.KindXLSX {
		p.Sheets, _ = imports.Sheets(d.Path) // none to offer when the file is no workbook
	}
	return render(c, status, "imports/map", "imports/_map", p)
}

// headerChoices words the rows offered as the header: "Row 3: Name,
// Email, Phone", the first cells only.
func headerChoices(pre *imports.Preview) []headerChoice {
	out := make([]headerChoice, len(pre.HeaderChoices))
	for i, r := range pre.HeaderChoices {
		var cells []string
		for _, c := range r.Cells {
			if c = strings.TrimSpace(c); c != "" && len(cells) < 4 {
				cells = append(cells, c)
			}
		}
		label := strings.Join(cells, ", ")
		if r := []rune(label); len(r) > 60 {
			label = string(r[:60]) + "…"
		}
		out[i] = headerChoice{Number: r.Number, Label: label, Detected: i == 0}
	}
	return out
}

// mapColumns lists each column with its first few non-blank values.
func mapColumns(pre *imports.Preview) []mapColumn {
	cols := make([]mapColumn, len(pre.Header))
	for i, h := range pre.Header {
		cols[i] = mapColumn{Index: i, Header: h, Field: string(pre.Mapping.Columns[i])}
		for _, r := range pre.Rows {
			if len(cols[i].Samples) == samplesShown {
				break
			}
			if i < len(r.Row.Cells) && strings.TrimSpace(r.Row.Cells[i]) != "" {
				cols[i].Samples = append(cols[i].Samples, r.Row.Cells[i])
			}
		}
	}
	return cols
}

package importfile

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ParseMapping builds a mapping from `column=field` specs, as given on the
// command line with --map; a column is named by its header, its letter or
// its number from 1. Columns no spec names are skipped.
func ParseMapping(header []string, specs []string) (Mapping, error) {
	m := Mapping{Header: header, Columns: make([]Field, len(header))}
	for _, s := range specs {
		if err := m.Set(s); err != nil {
			return Mapping{}, err
		}
	}
	return m, nil
}

// With returns m with specs applied on top: the columns the specs name
// change, the others keep what m maps them to (such as the suggestion).
func (m Mapping) With(specs []string) (Mapping, error) {
	m.Columns = slices.Clone(m.Columns)
	for _, s := range specs {
		if err := m.Set(s); err != nil {
			return Mapping{}, err
		}
	}
	return m, nil
}

// Set applies one `column=field` spec; `column=skip` unmaps the column.
// The spec splits at its last "=", so a header may contain one.
func (m *Mapping) Set(spec string) error {
	eq := strings.LastIndexByte(spec, '=')
	if eq < 0 {
		return fmt.Errorf("mapping %q: write it as column=field", spec)
	}
	col, err := m.column(strings.TrimSpace(spec[:eq]))
	if err != nil {
		return fmt.Errorf("mapping %q: %w", spec, err)
	}
	f := Field(strings.ToLower(strings.TrimSpace(spec[eq+1:])))
	if f == "skip" {
		f = Skip
	}
	if !m.knows(f) {
		return fmt.Errorf("mapping %q: unknown field %q; use skip or one of %s", spec, f, m.fieldNames())
	}
	m.Columns[col] = f
	return nil
}

// fieldNames lists the fields a spec may name, for an error message.
func (m Mapping) fieldNames() string {
	var names []string
	for _, c := range m.Choices() {
		if c.Value != "" {
			names = append(names, c.Value)
		}
	}
	return strings.Join(names, ", ")
}

// column finds a column by header name first, then by letter or number.
func (m Mapping) column(name string) (int, error) {
	for i, h := range m.Header {
		if strings.EqualFold(h, name) {
			return i, nil
		}
	}
	for i := range m.Header {
		if strings.EqualFold(columnName(i), name) || strconv.Itoa(i+1) == name {
			return i, nil
		}
	}
	return 0, fmt.Errorf("no column %q in the file", name)
}

// Specs writes the mapping back as `column=field` specs that ParseMapping
// reads back to the same mapping.
func (m Mapping) Specs() []string {
	var out []string
	for i, f := range m.Columns {
		if f == Skip {
			continue
		}
		out = append(out, m.specName(i)+"="+string(f))
	}
	return out
}

// specName names column i by its header, or by its letter or number when
// the header is repeated, contains "=" or is another column's letter.
func (m Mapping) specName(i int) string {
	for _, name := range []string{m.Header[i], columnName(i), strconv.Itoa(i + 1)} {
		if c, err := m.column(name); err == nil && c == i && !strings.Contains(name, "=") && name != "" {
			return name
		}
	}
	return strconv.Itoa(i + 1)
}

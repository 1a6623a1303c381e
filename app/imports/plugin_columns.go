package imports

import "github.com/portico-hub/portico/app/importfile"

// PluginColumn is one field a plugin's records fill and the field of
// Portico it imports into: a row of the mapping step of an import from an
// installed source, as a file's column is.
type PluginColumn struct {
	Index  int
	Header string
	Field  importfile.Field
}

// PluginColumns are the fields a plugin's records fill, each with the
// field chosen for it: chosen[i] when given, else the suggestion a file
// with the same columns would get.
func PluginColumns(chosen []importfile.Field) []PluginColumn {
	m := suggestMapping(KindContacts, pluginHeader)
	out := make([]PluginColumn, len(pluginHeader))
	for i, h := range pluginHeader {
		out[i] = PluginColumn{Index: i, Header: h, Field: m.Columns[i]}
		if len(chosen) == len(pluginHeader) {
			out[i].Field = chosen[i]
		}
	}
	return out
}

// PluginSpecs turns the fields chosen for a plugin's columns into the
// column=field specs of Params.Map; a skipped column has none.
func PluginSpecs(chosen []importfile.Field) []string {
	specs := []string{}
	for i, f := range chosen {
		if i < len(pluginHeader) && f != importfile.Skip {
			specs = append(specs, pluginHeader[i]+"="+string(f))
		}
	}
	return specs
}

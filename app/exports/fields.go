package exports

import (
	"fmt"
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Field is a contact field an export can write, as one or more columns.
type Field struct {
	Key   string
	Label string
	// Default says whether the export form ticks the field at first.
	Default bool
}

// Fields lists every field in the order of the file's columns.
var Fields = []Field{
	{"name", "Name", true}, {"emails", "Emails (primary first)", true},
	{"phone", "Phone", true}, {"mobile", "Mobile", true}, {"twitter_id", "X (Twitter) handle", true},
	{"job_title", "Job title", true}, {"companies", "Companies (default first)", true}, {"tags", "Tags", true},
	{"state", "State", true}, {"language", "Language", false}, {"time_zone", "Time zone", false},
	{"external_id", "External ID", true}, {"address", "Address", false}, {"about", "About", false}, {"created", "Created", true}, {"updated", "Updated", true},
}

// DefaultFields are the keys of the fields ticked at first.
func DefaultFields() []string {
	var out []string
	for _, f := range Fields {
		if f.Default {
			out = append(out, f.Key)
		}
	}
	return out
}

// ParseFields checks chosen field keys, given in any order and possibly
// comma-separated, and returns them in column order.
func ParseFields(keys []string) ([]string, error) {
	chosen := map[string]bool{}
	for _, k := range keys {
		for _, part := range strings.Split(k, ",") {
			if part = strings.TrimSpace(part); part == "" {
				continue
			}
			if !slices.ContainsFunc(Fields, func(f Field) bool { return f.Key == part }) {
				return nil, model.Invalid("fields", fmt.Sprintf("There is no field %q; choose from %s.", part, keyList()))
			}
			chosen[part] = true
		}
	}
	var out []string
	for _, f := range Fields {
		if chosen[f.Key] {
			out = append(out, f.Key)
		}
	}
	if len(out) == 0 {
		return nil, model.Invalid("fields", "Choose at least one field to export.")
	}
	return out, nil
}

func keyList() string {
	keys := make([]string, len(Fields))
	for i, f := range Fields {
		keys[i] = f.Key
	}
	return strings.Join(keys, ", ")
}

// needs says which of a contact's lists the fields read.
func needs(fields []string) store.ExportNeeds {
	return store.ExportNeeds{
		Emails: slices.Contains(fields, "emails"), Companies: slices.Contains(fields, "companies"),
		Tags: slices.Contains(fields, "tags"),
	}
}

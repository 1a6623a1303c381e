package imports

import (
	"fmt"

	"github.com/portico-hub/portico/app/importfile"
)

// Kind is what an import's rows become.
type Kind string

// The kinds of import. Both run through the same steps, job and
// checkpoints; only what a row means differs.
const (
	KindContacts  Kind = "contacts"
	KindCompanies Kind = "companies"
)

// MatchName matches a companies file's rows by company name, ignoring
// case: the only key a company has.
const MatchName Match = "name"

// Fields lists what a column of a file of kind k can be mapped to, in
// the order a mapping step offers them; the first is "skip".
func Fields(k Kind) []importfile.Choice {
	if k == KindCompanies {
		return importfile.CompanyFields
	}
	return importfile.Fields
}

// suggestMapping proposes a mapping from a file's header names.
func suggestMapping(k Kind, header []string) importfile.Mapping {
	if k == KindCompanies {
		return importfile.SuggestCompanyMapping(header)
	}
	return importfile.SuggestMapping(header)
}

// parseMapping builds a mapping from column=field specs.
func parseMapping(k Kind, header, specs []string) (importfile.Mapping, error) {
	if k == KindCompanies {
		return importfile.ParseCompanyMapping(header, specs)
	}
	return importfile.ParseMapping(header, specs)
}

// checkKind checks the kind and that match is one of its keys, and
// returns the kind's default key when match is empty.
func checkKind(k Kind, match Match) (Match, map[string]string) {
	switch k {
	case KindCompanies:
		if match == "" || match == MatchName {
			return MatchName, nil
		}
		return match, map[string]string{"match": fmt.Sprintf("Match %q: companies are matched by name.", match)}
	case KindContacts:
		if match == "" {
			return MatchEmail, nil
		}
		if match != MatchEmail && match != MatchExternalID && match != MatchTwitterID && match != MatchPhone {
			return match, map[string]string{"match": fmt.Sprintf("Match %q: choose email, external_id, twitter_id or phone.", match)}
		}
		return match, nil
	}
	return match, map[string]string{"kind": fmt.Sprintf("Kind %q: choose contacts or companies.", k)}
}

package imports

import (
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// TestViewAllTicketsImport sets, changes and clears whether a contact
// sees every ticket of its company: the row's company, or the contact's
// default one when the row names none. A row asking it for a contact
// without any company, or saying neither yes nor no, fails and says why;
// a row that repeats the stored value changes nothing.
func TestViewAllTicketsImport(t *testing.T) {
	e := newEnv(t)
	const head = "Name,Email,Company,Can see all tickets from this company"
	first := e.file(t, "1.csv", head, "Ann,ann@example.com,Acme,Yes", "Bob,bob@example.com,,true", "Cy,cy@example.com,,false")
	im := e.importFile(t, first, Params{})
	wantCounts(t, im, model.ImportCounts{Created: 2, Failed: 1})
	wantReasons(t, e.reasons(t, im.ID), "the contact has no company; name it in the Company column")
	steps := []struct {
		name  string
		row   string
		blank Blank
		want  model.ImportCounts
		sees  string
	}{
		{"default company, no", "Ann,ann@example.com,,No", BlankKeep, model.ImportCounts{Updated: 1}, ""},
		{"the same again", "Ann,ann@example.com,,false", BlankKeep, model.ImportCounts{Skipped: 1}, ""},
		{"row's company, yes", "Ann,ann@example.com,acme,1", BlankKeep, model.ImportCounts{Updated: 1}, "Acme"},
		{"neither", "Ann,ann@example.com,Acme,maybe", BlankKeep, model.ImportCounts{Failed: 1}, "Acme"},
		{"blank kept", "Ann,ann@example.com,Acme,", BlankKeep, model.ImportCounts{Skipped: 1}, "Acme"},
		{"blank cleared", "Ann,ann@example.com,Acme,", BlankClear, model.ImportCounts{Updated: 1}, ""},
	}
	for i, st := range steps {
		f := e.file(t, "step"+string(rune('a'+i))+".csv", head, st.row)
		im := e.importFile(t, f, Params{Blank: st.blank})
		if im.ImportCounts != st.want {
			t.Errorf("%s: counts %+v, want %+v (%q)", st.name, im.ImportCounts, st.want, e.reasons(t, im.ID))
		}
		if got := seesAll(e.contactBy(t, "ann@example.com")); got != st.sees {
			t.Errorf("%s: Ann sees all tickets of %q, want %q", st.name, got, st.sees)
		}
	}
}

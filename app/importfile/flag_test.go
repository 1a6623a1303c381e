package importfile

import "testing"

// TestViewAllTicketsCells reads Freshdesk's "Can see all tickets from
// this company" column, suggested as such, in the words people use, and
// places a message on a cell that is neither yes nor no.
func TestViewAllTicketsCells(t *testing.T) {
	header := []string{"Name", "Email", "Company", "Can see all tickets from this company"}
	m := SuggestMapping(header)
	if m.Columns[3] != ViewAllTickets {
		t.Fatalf("the column maps to %q", m.Columns[3])
	}
	for cell, want := range map[string]string{"true": "yes", "FALSE": "no", " Yes ": "yes", "no": "no", "1": "yes", "": "blank"} {
		rec, errs := m.Apply(Row{Number: 2, Cells: []string{"Ann", "ann@example.com", "Acme", cell}})
		got := "blank"
		if rec.ViewAllTickets != nil {
			got = map[bool]string{true: "yes", false: "no"}[*rec.ViewAllTickets]
		}
		if got != want || len(errs) > 0 {
			t.Errorf("%q reads as %s (%v), want %s", cell, got, errs, want)
		}
	}
	_, errs := m.Apply(Row{Number: 2, Cells: []string{"Ann", "ann@example.com", "Acme", "maybe"}})
	if len(errs) != 1 || errs[0].Column != 3 || errs[0].Message != flagProblem {
		t.Errorf("errors %+v", errs)
	}
}

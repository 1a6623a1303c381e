package exports

import (
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// TestRowsCount words the rows of the "export ready" email: contacts, or
// a report's time entries, with thousands separated.
func TestRowsCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 contacts", 1: "1 contact", 999: "999 contacts", 1234: "1,234 contacts", 1234567: "1,234,567 contacts"} {
		if got := rows(&model.Export{RowsDone: n}); got != want {
			t.Errorf("rows(%d contacts) = %q, want %q", n, got, want)
		}
	}
	for n, want := range map[int]string{1: "1 time entry", 5400: "5,400 time entries"} {
		if got := rows(&model.Export{Kind: model.ExportTimesheet, RowsDone: n}); got != want {
			t.Errorf("rows(%d entries) = %q, want %q", n, got, want)
		}
	}
}

package imports

import (
	"strconv"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// TestMatchByXHandle finds contacts by their X handle, ignoring its case
// and @, as a file of handles alone needs: rows update the contacts they
// name, a handle repeated further down the file reaches the contact its
// first row creates, and a handle another contact holds fails its row
// with the contact named, whatever the match key.
func TestMatchByXHandle(t *testing.T) {
	e := newEnv(t)
	first := e.file(t, "1.csv", "Name,Twitter ID,Email", "Aroha,@aroha_ngata,", "Ben,ben_x,ben@example.com")
	wantCounts(t, e.importFile(t, first, Params{}), model.ImportCounts{Created: 2})
	ben := e.contactBy(t, "ben@example.com")

	second := e.file(t, "2.csv", "Name,Twitter ID,Email", "Aroha Ngata,ARoha_Ngata,aroha@example.com",
		"Dan,https://x.com/dan_x,", "Dan Smith,@DAN_X,dan@example.com")
	im := e.importFile(t, second, Params{Match: MatchTwitterID})
	wantCounts(t, im, model.ImportCounts{Created: 1, Updated: 2})
	aroha := e.contactBy(t, "aroha@example.com")
	if aroha.Name != "Aroha Ngata" || aroha.TwitterID != "ARoha_Ngata" {
		t.Errorf("Aroha: %q, handle %q", aroha.Name, aroha.TwitterID)
	}
	if dan := e.contactBy(t, "dan@example.com"); dan.Name != "Dan Smith" || dan.TwitterID != "DAN_X" {
		t.Errorf("Dan: %q, handle %q", dan.Name, dan.TwitterID)
	}

	third := e.file(t, "3.csv", "Name,Twitter ID,Email", "Eve,@Ben_X,eve@example.com", "Ben,@ben_x,ben@example.com")
	im = e.importFile(t, third, Params{})
	wantCounts(t, im, model.ImportCounts{Failed: 1, Skipped: 1})
	wantReasons(t, e.reasons(t, im.ID), "X handle: contact "+strconv.FormatInt(ben.ID, 10)+" already has “@Ben_X”.")
	if n := e.countContacts(t); n != 3 {
		t.Errorf("%d contacts, want 3", n)
	}
}

package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestImportCommandSaysWhichEmailsItHeld words the activation emails of
// an import that created contacts and then was interrupted, cancelled,
// failed or done: only the done import queued them, and the others say
// so with the import's page.
func TestImportCommandSaysWhichEmailsItHeld(t *testing.T) {
	for _, tc := range []struct {
		state model.JobState
		want  string
	}{
		{model.JobRunning, "No activation email was sent: the 2 contacts created so far get it only if the import finishes."},
		{model.JobCancelled, "2 contacts created by this import were not sent the activation email, because the import was cancelled."},
		{model.JobFailed, "2 contacts created by this import were not sent the activation email, because the import stopped with an error."},
		{model.JobDone, ""},
	} {
		t.Run(string(tc.state), func(t *testing.T) {
			ctx := context.Background()
			st, err := store.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			id, err := st.CreateImport(ctx, model.Import{Kind: "contacts", Filename: "people.csv", Mode: "upsert", Match: "email",
				Blank: "keep", SendActivation: true})
			if err != nil {
				t.Fatal(err)
			}
			err = st.ImportBatch(ctx, model.Actor{Name: "Test"}, id, 0, func(b *store.ImportTx) (int, model.ImportCounts, error) {
				_, err := b.Insert(ctx, []store.NewContact{
					{Fields: model.ContactFields{Name: "Ann Lee"}, Emails: []string{"ann@example.com"}},
					{Fields: model.ContactFields{Name: "Bo Kim"}, Emails: []string{"bo@example.com"}},
				})
				return 2, model.ImportCounts{Created: 2}, err
			})
			if err != nil {
				t.Fatal(err)
			}
			if tc.state.Finished() {
				if err := st.FinishImport(ctx, id, tc.state, ""); err != nil {
					t.Fatal(err)
				}
			}
			im, err := st.Import(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			im.State = tc.state
			got := heldActivations(ctx, imports.Deps{Store: st}, im, "https://portico.example.com")
			if tc.want == "" && got != "" || !strings.HasPrefix(got, tc.want) {
				t.Errorf("said %q, want %q", got, tc.want)
			}
			if tc.want != "" && !strings.HasSuffix(got, " https://portico.example.com/contacts/imports/1") {
				t.Errorf("said %q, without the import's page", got)
			}
		})
	}
}

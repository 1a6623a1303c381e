package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/portico-hub/portico/app/demo"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// A batch's search documents go into the index as one segment: FTS5
// writes a segment at every statement that opens a savepoint, so writing
// them a chunk at a time left dozens per batch for later merges to
// rewrite again and again as the index grew.
func TestInsertContactsWritesOneSearchSegmentPerBatch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "portico.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	people := demo.NewPeople(7, nil)
	batch := make([]store.NewContact, 2000)
	for i := range batch {
		batch[i] = people.Next()
	}
	batch[1999].Fields.Name = "Zebulon Quartermaine"
	ids, err := st.InsertContacts(context.Background(), ann, batch)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var segments int
	if err := db.QueryRow(`SELECT count(DISTINCT segid) FROM contacts_fts_idx`).Scan(&segments); err != nil {
		t.Fatal(err)
	}
	if segments != 1 {
		t.Errorf("the batch left %d search segments, want 1", segments)
	}
	page, err := st.ListContacts(context.Background(), model.ContactQuery{Search: "zebulon quarter"})
	if err != nil || len(page.Contacts) != 1 || page.Contacts[0].ID != ids[1999] {
		t.Fatalf("search after the batch: %v, %+v", err, page)
	}
}

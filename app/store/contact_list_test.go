package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

func TestSearchSortsPagesAndCounts(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	var batch []store.NewContact
	for i := range 7 {
		batch = append(batch, person(fmt.Sprintf("Kim %c", 'G'-i), "", fmt.Sprintf("kim%d@example.com", i)))
	}
	batch = append(batch, person("Kim Gone", model.StateDeleted, "gone@example.com"), person("Lee", "", "lee@example.com"))
	if _, err := st.InsertContacts(ctx, ann, batch); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		q     model.ContactQuery
		total int
		names []string
	}{
		{model.ContactQuery{Search: "kim", PerPage: 3}, 7, []string{"Kim A", "Kim B", "Kim C"}},
		{model.ContactQuery{Search: "kim", PerPage: 3, Page: 3}, 7, []string{"Kim G"}},
		{model.ContactQuery{Search: "kim", PerPage: 3, Desc: true}, 7, []string{"Kim G", "Kim F", "Kim E"}},
		{model.ContactQuery{Search: "kim", PerPage: 3, Sort: model.SortCreated, Desc: true}, 7, []string{"Kim A", "Kim B", "Kim C"}},
		{model.ContactQuery{Search: "kim", PerPage: 3, Page: 9}, 7, nil},
		{model.ContactQuery{Search: "kim", View: model.StateDeleted}, 1, []string{"Kim Gone"}},
		{model.ContactQuery{Search: "nobody"}, 0, nil},
	}
	for _, tc := range cases {
		page, err := st.ListContacts(ctx, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, c := range page.Contacts {
			names = append(names, c.Name)
		}
		if page.Total != tc.total || page.Capped || fmt.Sprint(names) != fmt.Sprint(tc.names) {
			t.Errorf("%+v: total %d, %v; want %d, %v", tc.q, page.Total, names, tc.total, tc.names)
		}
	}
}

// A search matching more contacts than are counted lists the newest
// first, without sorting them all, and says the total is a lower bound.
func TestBroadSearchListsNewestFirst(t *testing.T) {
	if testing.Short() {
		t.Skip("inserts ten thousand contacts")
	}
	st, _ := open(t)
	ctx := context.Background()
	batch := make([]store.NewContact, 10001)
	for i := range batch {
		batch[i] = person(fmt.Sprintf("Park %05d", i), "", fmt.Sprintf("park%d@example.com", i))
	}
	ids, err := st.InsertContacts(ctx, ann, batch)
	if err != nil {
		t.Fatal(err)
	}
	page, err := st.ListContacts(ctx, model.ContactQuery{Search: "park"})
	if err != nil {
		t.Fatal(err)
	}
	if !page.Capped || page.Total != 10000 || len(page.Contacts) != 30 || page.Contacts[0].ID != ids[len(ids)-1] {
		t.Fatalf("capped %v, total %d, %d contacts, first %d", page.Capped, page.Total, len(page.Contacts), page.Contacts[0].ID)
	}
	if page, _ := st.ListContacts(ctx, model.ContactQuery{Search: "park 00042"}); page.Capped || page.Total != 1 {
		t.Fatalf("a narrow search: %+v", page)
	}
}

package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// A word holding an "@" matches the start of the contacts' addresses,
// not every contact whose address has the same words.
func TestSearchMatchesAddressPrefix(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	batch := []store.NewContact{
		person("Big Seven", "", "big7@example.org"),
		person("Big Seventy", "", "big70@example.org"),
		person("Big Seven Thousand", "", "big7000@example.org"),
		person("Kim Park", "", "kim@example.com"),
		person("Kim Lee", "", "lee.k@work.net", "kim@home.net"),
		person("Kimberly Lee", "", "kimberly@example.com"),
		person("Kim Gone", model.StateDeleted, "kim@gone.net"),
	}
	if _, err := st.InsertContacts(ctx, ann, batch); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		search string
		names  []string
	}{
		{"big7@example.org", []string{"Big Seven"}},
		{"BIG7@Example.ORG", []string{"Big Seven"}},
		{"<big7@example.org>,", []string{"Big Seven"}},
		{"big7@", []string{"Big Seven"}},
		{"big7", []string{"Big Seven", "Big Seven Thousand", "Big Seventy"}},
		{"kim@", []string{"Kim Lee", "Kim Park"}},
		{"kim@home", []string{"Kim Lee"}},
		{"lee kim@", []string{"Kim Lee"}},
		{"kim@ lee.k@", []string{"Kim Lee"}},
		{"park kim@home", nil},
		{"nobody@", nil},
		{"kim@nowhere.net", nil},
		{"@example.org", []string{"Big Seven", "Big Seven Thousand", "Big Seventy"}},
	}
	for _, tc := range cases {
		page, err := st.ListContacts(ctx, model.ContactQuery{Search: tc.search})
		if err != nil {
			t.Fatalf("%q: %v", tc.search, err)
		}
		var names []string
		for _, c := range page.Contacts {
			names = append(names, c.Name)
		}
		if page.Total != len(tc.names) || fmt.Sprint(names) != fmt.Sprint(tc.names) {
			t.Errorf("search %q: total %d, %v; want %v", tc.search, page.Total, names, tc.names)
		}
	}
	page, err := st.ListContacts(ctx, model.ContactQuery{Search: "kim@", View: model.StateDeleted})
	if err != nil || page.Total != 1 || page.Contacts[0].Name != "Kim Gone" {
		t.Fatalf("kim@ in the deleted view: %+v, %v", page, err)
	}
	// Work on "every matching contact" sees the same contacts as the list.
	if total, _, err := st.ExportSize(ctx, model.ContactQuery{Search: "lee kim@"}, false); err != nil || total != 1 {
		t.Fatalf("export of lee kim@: %d contacts, %v", total, err)
	}
	if ids, err := st.MatchingContactIDs(ctx, model.ContactQuery{Search: "kim@"}, 0, 10); err != nil || len(ids) != 2 {
		t.Fatalf("contacts matching kim@: %v, %v", ids, err)
	}
}

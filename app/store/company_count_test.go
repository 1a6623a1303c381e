package store_test

import (
	"context"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestLiveContactCountFollowsEveryChange checks the trigger-kept count of
// a company's live contacts against a real count after each kind of
// change that adds, moves or removes a member.
func TestLiveContactCountFollowsEveryChange(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	acme, err := st.CreateCompany(ctx, ann, model.CompanyFields{Name: "Acme", Domains: []string{"acme.test"}})
	if err != nil {
		t.Fatal(err)
	}
	want := func(step string, n int) {
		t.Helper()
		co, err := st.Company(ctx, acme)
		if err != nil {
			t.Fatal(err)
		}
		if co.ContactCount != n {
			t.Fatalf("after %s: count %d, want %d", step, co.ContactCount, n)
		}
	}
	a := mustContact(t, st, "Ann", "ann@acme.test")
	b := mustContact(t, st, "Bob", "bob@acme.test")
	c := mustContact(t, st, "Cy", "cy@other.test")
	want("two linked by domain", 2)
	if _, err := st.InsertContacts(ctx, ann, []store.NewContact{{Fields: model.ContactFields{Name: "Dee"}, Emails: []string{"dee@acme.test"}}}); err != nil {
		t.Fatal(err)
	}
	want("a bulk insert", 3)
	st.ChangeContactState(ctx, ann, a, "deleted")
	want("a soft delete", 2)
	st.ChangeContactState(ctx, ann, a, "blocked")
	st.ChangeContactState(ctx, ann, a, "restored")
	want("a restore", 3)
	if err := st.HardDeleteContact(ctx, ann, b); err != nil {
		t.Fatal(err)
	}
	want("an erasure", 2)
	if err := st.MergeContacts(ctx, ann, c, []int64{a}, model.ContactFields{Name: "Cy"}); err != nil {
		t.Fatal(err)
	}
	want("a merge that moves the membership", 2)
	if err := st.RemoveMembership(ctx, ann, c, acme); err != nil {
		t.Fatal(err)
	}
	want("removing a membership", 1)
}

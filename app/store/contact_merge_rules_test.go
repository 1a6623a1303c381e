package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

func TestMergeStateAndCounts(t *testing.T) {
	tests := []struct {
		name           string
		primary, other model.State
		want           model.State
		wantVerified   string // which contact's verification time is kept: "primary", "other" or ""
	}{
		{"an unverified primary becomes verified", model.StateUnverified, model.StateVerified, model.StateVerified, "other"},
		{"the earliest verification is kept", model.StateVerified, model.StateVerified, model.StateVerified, "other"},
		{"a blocked primary stays blocked", model.StateBlocked, model.StateVerified, model.StateBlocked, "other"},
		{"a blocked other does not block the primary", model.StateUnverified, model.StateBlocked, model.StateUnverified, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, clk := open(t)
			ctx := context.Background()
			o := mgStateContact(t, st, "Other", tt.other)
			clk.advance(time.Hour)
			p := mgStateContact(t, st, "Primary", tt.primary)
			before := map[string]*time.Time{"primary": mgContact(t, st, p).VerifiedAt, "other": mgContact(t, st, o).VerifiedAt, "": nil}
			if err := st.MergeContacts(ctx, ann, p, []int64{o}, mgContact(t, st, p).Fields()); err != nil {
				t.Fatal(err)
			}
			c := mgContact(t, st, p)
			if c.State != tt.want || !reflect.DeepEqual(c.VerifiedAt, before[tt.wantVerified]) {
				t.Errorf("state %s verified %v, want %s verified %v", c.State, c.VerifiedAt, tt.want, before[tt.wantVerified])
			}
			vc, err := st.ViewCounts(ctx)
			var want model.ViewCounts
			want.Set(tt.want, 1)
			if err != nil || vc != want {
				t.Errorf("counts %+v, want %+v (%v)", vc, want, err)
			}
		})
	}
}

// mgStateContact creates a contact in the given state.
func mgStateContact(t *testing.T, st *store.Store, name string, s model.State) int64 {
	t.Helper()
	in := store.NewContact{Fields: model.ContactFields{Name: name}, Emails: []string{name + "@example.com"}}
	if s == model.StateVerified {
		in.State = s
	}
	id := mgCreate(t, st, in)
	if s == model.StateBlocked {
		if err := st.ChangeContactState(context.Background(), ann, id, "blocked"); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

func TestMergeRedirectsFollowChains(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	// The newest contacts merge away, so a reused id would show at once.
	c := mustContact(t, st, "C", "c@example.com")
	b := mustContact(t, st, "B", "b@example.com")
	a := mustContact(t, st, "A", "a@example.com")
	if err := st.MergeContacts(ctx, ann, b, []int64{a}, mgContact(t, st, b).Fields()); err != nil {
		t.Fatal(err)
	}
	if err := st.MergeContacts(ctx, ann, c, []int64{b}, mgContact(t, st, c).Fields()); err != nil {
		t.Fatal(err)
	}
	for _, old := range []int64{a, b, c} {
		if got, err := st.ResolveContact(ctx, old); err != nil || got != c {
			t.Errorf("contact %d resolves to %d (%v), want %d", old, got, err, c)
		}
	}
	if fresh := mustContact(t, st, "D", "d@example.com"); fresh <= a {
		t.Errorf("a new contact reused id %d", fresh)
	}
	if err := st.HardDeleteContact(ctx, ann, c); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ResolveContact(ctx, a); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("after erasing the survivor, old URLs should be gone: %v", err)
	}
}

func TestMergeMovesExternalIDWithoutClash(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	a := mgCreate(t, st, store.NewContact{Fields: model.ContactFields{Name: "A", ExternalID: "crm-1"}})
	b := mgCreate(t, st, store.NewContact{Fields: model.ContactFields{Name: "B", ExternalID: "crm-2"}})
	x := mgCreate(t, st, store.NewContact{Fields: model.ContactFields{Name: "X", ExternalID: "crm-9"}})
	keep := mgContact(t, st, a).Fields()
	keep.ExternalID = "crm-9"
	var ve *model.ValidationError
	if err := st.MergeContacts(ctx, ann, a, []int64{b}, keep); !errors.As(err, &ve) || ve.Fields["external_id"] == "" {
		t.Fatalf("taking an outsider's external id: want a validation error, got %v", err)
	}
	if got := mgContact(t, st, b).ExternalID; got != "crm-2" {
		t.Fatalf("the refused merge changed contact B: external id %q", got)
	}
	keep.ExternalID = "crm-2"
	if err := st.MergeContacts(ctx, ann, a, []int64{b}, keep); err != nil {
		t.Fatal(err)
	}
	if got := mgContact(t, st, a).ExternalID; got != "crm-2" {
		t.Errorf("external id %q, want crm-2", got)
	}
	if got := mgContact(t, st, x).ExternalID; got != "crm-9" {
		t.Errorf("an outsider's external id changed to %q", got)
	}
}

func TestMergeRefusesTooManyEmails(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	var six, five []string
	for i := range 6 {
		six = append(six, fmt.Sprintf("a%d@example.com", i))
	}
	for i := range 5 {
		five = append(five, fmt.Sprintf("b%d@example.com", i))
	}
	a, b := mustContact(t, st, "A", six...), mustContact(t, st, "B", five...)
	trail, _ := st.Audit(ctx, "contact", a, 100)
	var ve *model.ValidationError
	if err := st.MergeContacts(ctx, ann, a, []int64{b}, model.ContactFields{Name: "New name"}); !errors.As(err, &ve) || ve.Fields["emails"] == "" {
		t.Fatalf("11 addresses: want a validation error on emails, got %v", err)
	}
	if ca, cb := mgContact(t, st, a), mgContact(t, st, b); len(ca.Emails) != 6 || len(cb.Emails) != 5 || ca.Name != "A" {
		t.Errorf("the refused merge changed something: %d and %d emails, name %q", len(ca.Emails), len(cb.Emails), ca.Name)
	}
	if vc, _ := st.ViewCounts(ctx); vc.All != 2 {
		t.Errorf("counts %+v", vc)
	}
	if after, _ := st.Audit(ctx, "contact", a, 100); len(after) != len(trail) {
		t.Errorf("the refused merge wrote to the audit trail")
	}
}

func TestMergeAuditTrail(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	a := mustContact(t, st, "Jane", "jane@example.com")
	b := mustContact(t, st, "Jane D.", "jd@example.com")
	if err := st.UpdateContact(ctx, ann, b, model.ContactFields{Name: "Jane D.", JobTitle: "CTO"}); err != nil {
		t.Fatal(err)
	}
	keep := model.ContactFields{Name: "Jane", JobTitle: "CTO"}
	if err := st.MergeContacts(ctx, ann, a, []int64{b}, keep); err != nil {
		t.Fatal(err)
	}
	trail, err := st.Audit(ctx, "contact", a, 100)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range trail {
		actions = append(actions, e.Action)
	}
	if want := []string{"merged", "updated", "created", "created"}; !reflect.DeepEqual(actions, want) {
		t.Fatalf("trail %v, want %v", actions, want)
	}
	want := []model.Change{
		{Field: "merged contacts", To: fmt.Sprintf("Jane D. (#%d)", b)},
		{Field: "job_title", To: "CTO"},
		{Field: "emails", To: "jd@example.com"},
	}
	if !reflect.DeepEqual(trail[0].Changes, want) || trail[0].ActorName != ann.Name {
		t.Errorf("merge entry %+v, want changes %+v", trail[0], want)
	}
	if old, _ := st.Audit(ctx, "contact", b, 100); len(old) != 0 {
		t.Errorf("the merged contact's trail should have moved: %+v", old)
	}
}

func TestMergeRejectsBadIDs(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	a := mustContact(t, st, "A", "a@example.com")
	b := mustContact(t, st, "B", "b@example.com")
	tests := []struct {
		name     string
		primary  int64
		others   []int64
		notFound bool
	}{
		{"no others", a, nil, false},
		{"itself", a, []int64{a}, false},
		{"twice", a, []int64{b, b}, false},
		{"unknown other", a, []int64{b, 999}, true},
		{"unknown primary", 999, []int64{a}, true},
	}
	for _, tt := range tests {
		err := st.MergeContacts(ctx, ann, tt.primary, tt.others, model.ContactFields{Name: "X"})
		var ve *model.ValidationError
		if tt.notFound && !errors.Is(err, model.ErrNotFound) || !tt.notFound && !errors.As(err, &ve) {
			t.Errorf("%s: got %v", tt.name, err)
		}
	}
	if vc, _ := st.ViewCounts(ctx); vc.All != 2 || mgContact(t, st, a).Name != "A" {
		t.Errorf("a refused merge changed something: %+v", vc)
	}
}

func TestLikelyDuplicates(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	x := mgCreate(t, st, store.NewContact{Fields: model.ContactFields{Name: "Jane Doe", Phone: "+1 555 010 0200"}, Emails: []string{"jane@acme.com"}})
	sameName := mustContact(t, st, "jane doe", "other@example.org")
	sameDomain := mustContact(t, st, "Janet Smith", "js@acme.com")
	samePhone := mgCreate(t, st, store.NewContact{Fields: model.ContactFields{Name: "Bob", Mobile: "+1 (555) 010-0200"}})
	mustContact(t, st, "Jane Roe", "jr@example.net")
	mustContact(t, st, "Bob Smith", "bob@acme.com")
	gone := mustContact(t, st, "Jane Doe", "gone@acme.com")
	if err := st.ChangeContactState(ctx, ann, gone, "deleted"); err != nil {
		t.Fatal(err)
	}
	got, err := st.LikelyDuplicates(ctx, mgContact(t, st, x), 10)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, c := range got {
		ids = append(ids, c.ID)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	if want := []int64{sameName, sameDomain, samePhone}; !reflect.DeepEqual(ids, want) {
		t.Errorf("suggestions %v, want %v", ids, want)
	}
}

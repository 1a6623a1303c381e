package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

func addPasskey(t *testing.T, st *store.Store, contactID int64, handle, credID string) int64 {
	t.Helper()
	ctx := context.Background()
	h, err := st.EnsureUserHandle(ctx, contactID, handle)
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.AddPasskey(ctx, model.Passkey{ContactID: contactID, UserHandle: h, CredentialID: credID, PublicKey: "pk", Name: credID})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestMergeKeepsPasskeysWorking(t *testing.T) {
	st, clk := open(t)
	ctx := context.Background()
	kept := mustContact(t, st, "Kim Minjun", "minjun@example.com")
	merged := mustContact(t, st, "Minjun Kim", "mj@example.com")
	addPasskey(t, st, kept, "z-handle-kept", "cred-kept")
	clk.advance(time.Minute)
	addPasskey(t, st, merged, "handle-merged", "cred-merged")

	if err := st.MergeContacts(ctx, ann, kept, []int64{merged}, model.ContactFields{Name: "Kim Minjun"}); err != nil {
		t.Fatal(err)
	}
	if id, err := st.HandleContact(ctx, "handle-merged"); err != nil || id != kept {
		t.Fatalf("the merged contact's handle now leads to %d, %v", id, err)
	}
	if ps, _ := st.PasskeysByHandle(ctx, "handle-merged"); len(ps) != 1 || ps[0].ContactID != kept {
		t.Fatalf("the merged contact's passkey: %+v", ps)
	}
	if h, _ := st.EnsureUserHandle(ctx, kept, "fresh"); h != "z-handle-kept" {
		t.Fatalf("new passkeys use handle %q, want the kept contact's own", h)
	}
}

func TestRemovePasskeyKeepsAUsableOne(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	c := mustContact(t, st, "Park Jiwoo", "jiwoo@example.com")
	good := addPasskey(t, st, c, "h", "good")
	copied := addPasskey(t, st, c, "h", "copied")
	p, _ := st.Passkey(ctx, c, copied)
	if err := st.FlagPasskeyClone(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := st.RemovePasskey(ctx, c, good, false); !errors.Is(err, model.ErrLastSignIn) {
		t.Fatalf("removing the only usable passkey: %v", err)
	}
	if err := st.RemovePasskey(ctx, c, copied, false); err != nil {
		t.Fatalf("removing a flagged passkey: %v", err)
	}
	if err := st.RemovePasskey(ctx, c, good, true); err != nil {
		t.Fatalf("removing the last passkey of a contact with a password: %v", err)
	}
}

func TestCeremonyIsTakenOnceAndExpires(t *testing.T) {
	st, clk := open(t)
	ctx := context.Background()
	now := st.Now()
	for _, h := range []string{"a", "b"} {
		err := st.CreateCeremony(ctx, model.Ceremony{IDHash: h, Kind: model.CeremonyLogin, Session: "{}", CreatedAt: now, ExpiresAt: now.Add(5 * time.Minute)})
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.TakeCeremony(ctx, "a", model.CeremonyRegister); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("a sign-in ceremony taken as a registration: %v", err)
	}
	if _, err := st.TakeCeremony(ctx, "a", model.CeremonyLogin); err != nil {
		t.Fatal(err)
	}
	if _, err := st.TakeCeremony(ctx, "a", model.CeremonyLogin); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("taken twice: %v", err)
	}
	clk.advance(5 * time.Minute)
	if _, err := st.TakeCeremony(ctx, "b", model.CeremonyLogin); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("an expired ceremony was taken: %v", err)
	}
}

package store_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// newLink is an activation (or reset) link to a contact's address, with
// its email.
func newLink(id int64, email, hash string, purpose model.LinkPurpose, expires time.Time) model.NewLink {
	return model.NewLink{ContactID: id, TokenHash: hash, Purpose: purpose, Email: email, ExpiresAt: expires,
		Mail: model.NewMail{MessageID: "<" + hash + "@portico.test>", To: email, Subject: "Activate", Text: "link", Template: "activation", ContactID: id}}
}

// typed returns the events of one type after position.
func typed(t *testing.T, st *store.Store, after int64, typ string) []events.Event {
	t.Helper()
	var out []events.Event
	for _, ev := range eventsSince(t, st, after) {
		if ev.Type == typ {
			out = append(out, ev)
		}
	}
	return out
}

func TestIssuingActivationLinksWritesActivationSent(t *testing.T) {
	st, clk := open(t)
	ctx := context.Background()
	a := mustContact(t, st, "Ann", "ann@example.com")
	b := mustContact(t, st, "Bo", "bo@example.com")
	expires := clk.now().Add(72 * time.Hour)
	from := lastPosition(t, st)
	sent, err := st.IssueLinks(ctx, ann, []model.NewLink{
		newLink(a, "ann@example.com", "h-a", model.LinkActivation, expires),
		newLink(b, "bo@example.com", "h-b", model.LinkActivation, expires),
	})
	if err != nil || len(sent) != 2 {
		t.Fatalf("sent %v, %v", sent, err)
	}
	evs := typed(t, st, from, events.TypeActivationSent)
	if len(evs) != 2 {
		t.Fatalf("%d activation.sent events, want 2", len(evs))
	}
	var data events.ActivationSent
	if err := json.Unmarshal(envelope(t, evs[1]).Data, &data); err != nil {
		t.Fatal(err)
	}
	if data.ContactID != b || data.Email != "bo@example.com" || !data.ExpiresAt.Equal(expires) || evs[1].ContactID != b {
		t.Fatalf("activation.sent data %+v (contact %d)", data, evs[1].ContactID)
	}

	// A password reset is not an activation, and a contact that changed
	// since the email was composed gets neither a link nor an event.
	if err := st.ChangeContactState(ctx, ann, a, "blocked"); err != nil {
		t.Fatal(err)
	}
	from = lastPosition(t, st)
	verified := mustVerified(t, st, "Cy", "cy@example.com")
	if _, err := st.IssueLinks(ctx, ann, []model.NewLink{
		newLink(a, "ann@example.com", "h-a2", model.LinkActivation, expires),
		newLink(verified, "cy@example.com", "h-c", model.LinkPasswordReset, expires),
	}); err != nil {
		t.Fatal(err)
	}
	if evs := typed(t, st, from, events.TypeActivationSent); len(evs) != 0 {
		t.Fatalf("%d activation.sent events for a blocked contact and a reset", len(evs))
	}
}

func TestRedeemingWritesContactVerifiedWithTheMethod(t *testing.T) {
	for _, how := range []model.VerifiedHow{model.VerifiedByPassword, model.VerifiedByPasskey} {
		t.Run(string(how), func(t *testing.T) {
			st, clk := open(t)
			ctx := context.Background()
			id := mustContact(t, st, "Kim Minjun", "minjun@example.com")
			if _, err := st.IssueLinks(ctx, ann, []model.NewLink{newLink(id, "minjun@example.com", "tok", model.LinkActivation, clk.now().Add(time.Hour))}); err != nil {
				t.Fatal(err)
			}
			clk.advance(time.Minute)
			from := lastPosition(t, st)
			hash := ""
			if how == model.VerifiedByPassword {
				hash = "argon2id-hash"
			}
			if _, err := st.RedeemLink(ctx, "tok", model.LinkActivation, how, hash, nil); err != nil {
				t.Fatal(err)
			}
			evs := typed(t, st, from, events.TypeContactVerified)
			if len(evs) != 1 {
				t.Fatalf("%d contact.verified events, want 1", len(evs))
			}
			var data events.ContactVerified
			json.Unmarshal(envelope(t, evs[0]).Data, &data)
			if data.Method != string(how) || !data.VerifiedAt.Equal(clk.now()) || data.Contact.ID != id ||
				data.Contact.State != "verified" || data.Contact.VerifiedAt == nil || data.Contact.Email != "minjun@example.com" {
				t.Fatalf("contact.verified data %+v", data)
			}
			if _, err := st.RedeemLink(ctx, "tok", model.LinkActivation, how, hash, nil); err == nil {
				t.Fatal("a used link redeemed twice")
			}
			if evs := typed(t, st, from, events.TypeContactVerified); len(evs) != 1 {
				t.Fatalf("%d contact.verified events after a refused second use", len(evs))
			}
		})
	}
}

// TestActivationEventsAreAtomic makes writing the event fail (a trigger
// refuses it) and checks that the change it belongs to did not happen
// either: no link, no email, no verification.
func TestActivationEventsAreAtomic(t *testing.T) {
	st, clk, raw := mgOpen(t)
	ctx := context.Background()
	id := mustContact(t, st, "Lee Seoyeon", "seoyeon@example.com")
	expires := clk.now().Add(time.Hour)
	refuse(t, raw, events.TypeActivationSent)
	if _, err := st.IssueLinks(ctx, ann, []model.NewLink{newLink(id, "seoyeon@example.com", "tok", model.LinkActivation, expires)}); err == nil {
		t.Fatal("links issued although their event could not be written")
	}
	if _, err := st.Link(ctx, "tok", model.LinkActivation); err == nil {
		t.Fatal("the link exists without its event")
	}
	if n := count(t, raw, `SELECT count(*) FROM emails WHERE contact_id = $1`, id); n != 0 {
		t.Fatalf("%d emails queued without their event", n)
	}

	mgExec(t, raw, `DROP TRIGGER refuse_event`)
	if _, err := st.IssueLinks(ctx, ann, []model.NewLink{newLink(id, "seoyeon@example.com", "tok", model.LinkActivation, expires)}); err != nil {
		t.Fatal(err)
	}
	refuse(t, raw, events.TypeContactVerified)
	if _, err := st.RedeemLink(ctx, "tok", model.LinkActivation, model.VerifiedByPasskey, "", nil); err == nil {
		t.Fatal("verified although the event could not be written")
	}
	if c := mgContact(t, st, id); c.State != model.StateUnverified || c.VerifiedAt != nil {
		t.Fatalf("contact is %s without its event", c.State)
	}
	if _, err := st.Link(ctx, "tok", model.LinkActivation); err != nil {
		t.Fatalf("the link was used up by a verification that rolled back: %v", err)
	}
}

// refuse installs a trigger that fails every insert of an event of typ.
func refuse(t *testing.T, raw *sql.DB, typ string) {
	t.Helper()
	mgExec(t, raw, fmt.Sprintf(`CREATE TRIGGER refuse_event BEFORE INSERT ON events WHEN NEW.type = '%s'
		BEGIN SELECT RAISE(ABORT, 'refused by test'); END`, typ))
}

func count(t *testing.T, raw *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := raw.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func mustVerified(t *testing.T, st *store.Store, name, email string) int64 {
	t.Helper()
	id, err := st.CreateContact(context.Background(), ann, store.NewContact{Fields: model.ContactFields{Name: name}, Emails: []string{email}, State: model.StateVerified})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

package portal_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/portal"
	"github.com/portico-hub/portico/app/store"
)

var admin = model.Actor{Name: "Ann Admin"}

func newService(t *testing.T) *portal.Service {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &portal.Service{Store: st}
}

// TestSaveSettingsChecksTheName folds the name's spaces, refuses an empty
// or overlong one on the name field, and keeps only known submitters.
func TestSaveSettingsChecksTheName(t *testing.T) {
	svc, ctx := newService(t), context.Background()
	for _, bad := range []string{"   ", strings.Repeat("x", 81)} {
		var v *model.ValidationError
		if err := svc.SaveSettings(ctx, admin, &model.PortalSettings{Name: bad}); !errors.As(err, &v) || v.Fields["name"] == "" {
			t.Errorf("SaveSettings(name %q) = %v, want a message on the name field", bad, err)
		}
	}
	ps := model.PortalSettings{Name: "  Acme \t Support ", Submitters: "nobody", SignUp: true}
	if err := svc.SaveSettings(ctx, admin, &ps); err != nil {
		t.Fatal(err)
	}
	got, err := svc.Settings(ctx)
	if err != nil || got.Name != "Acme Support" || got.Submitters != model.SubmitLoggedIn || !got.SignUp {
		t.Fatalf("Settings() = %+v, %v; want Acme Support, logged-in submitters, sign-up on", got, err)
	}
}

// TestAdmitLetsOnlyVerifiedContactsIn refuses, with the state, whoever
// may not use the portal, and forbids a contact that does not exist.
func TestAdmitLetsOnlyVerifiedContactsIn(t *testing.T) {
	svc, ctx := newService(t), context.Background()
	for _, state := range []model.State{model.StateVerified, model.StateUnverified, model.StateBlocked, model.StateDeleted} {
		id, err := svc.Store.CreateContact(ctx, admin, store.NewContact{Fields: model.ContactFields{Name: string(state)},
			Emails: []string{string(state) + "@example.com"}, State: state})
		if err != nil {
			t.Fatal(err)
		}
		err = svc.Admit(ctx, id)
		var refused *portal.RefusedError
		if state == model.StateVerified && err != nil || state != model.StateVerified && (!errors.As(err, &refused) || refused.State != state) {
			t.Errorf("Admit(%s contact) = %v", state, err)
		}
	}
	if err := svc.Admit(ctx, 9999); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("Admit(no such contact) = %v, want ErrForbidden", err)
	}
}

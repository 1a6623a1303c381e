package agent_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// team is a fresh store with two admins, Ann and Bob, and the service.
func team(t *testing.T) (*agent.Service, *store.Store, *model.Agent, *model.Agent) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := &agent.Service{Store: st}
	ann, err := svc.CreateFirstAdmin(ctx, agent.Input{Name: "Ann", Email: "ann@example.com", Password: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	bob, err := svc.CreateAdmin(ctx, agent.Input{Name: "Bob", Email: "bob@example.com", Password: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	return svc, st, ann, bob
}

// TestRoleAndActivationAreAudited records who changed an agent's role or
// status from what to what, like every other change, and nothing for a
// change that changes nothing.
func TestRoleAndActivationAreAudited(t *testing.T) {
	svc, st, ann, bob := team(t)
	ctx, by := context.Background(), model.Actor{ID: ann.ID, Name: ann.Name}
	steps := []func() error{
		func() error { return svc.SetRole(ctx, by, bob.ID, model.RoleAgent) },
		func() error { return svc.SetRole(ctx, by, bob.ID, model.RoleAgent) },
		func() error { return svc.SetActive(ctx, by, bob.ID, false) },
		func() error { return svc.SetActive(ctx, by, bob.ID, true) },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	got, err := st.Audit(ctx, "agent", bob.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Change{{Field: "active", From: "false", To: "true"}, {Field: "active", From: "true", To: "false"}, {Field: "role", From: "admin", To: "agent"}}
	if len(got) != len(want) {
		t.Fatalf("audit has %d entries, want %d: %+v", len(got), len(want), got)
	}
	for i, e := range got {
		if e.ActorID != ann.ID || e.ActorName != "Ann" || len(e.Changes) != 1 || e.Changes[0] != want[i] {
			t.Errorf("entry %d = %+v by %d %q, want %+v by Ann", i, e.Changes, e.ActorID, e.ActorName, want[i])
		}
	}
}

// TestNobodyDeactivatesThemself refuses an admin's own deactivation with
// a field message, and leaves them active.
func TestNobodyDeactivatesThemself(t *testing.T) {
	svc, st, ann, _ := team(t)
	ctx := context.Background()
	err := svc.SetActive(ctx, model.Actor{ID: ann.ID, Name: ann.Name}, ann.ID, false)
	var v *model.ValidationError
	if !errors.As(err, &v) || v.Fields["active"] == "" {
		t.Fatalf("SetActive(self, false) = %v, want a message on the active field", err)
	}
	if a, err := st.AgentByID(ctx, ann.ID); err != nil || !a.Active {
		t.Fatalf("Ann after refusal: %+v, %v; want active", a, err)
	}
}

// TestRoleIsAdminOrAgent refuses any other role before touching the store.
func TestRoleIsAdminOrAgent(t *testing.T) {
	svc, _, ann, bob := team(t)
	err := svc.SetRole(context.Background(), model.Actor{ID: ann.ID}, bob.ID, "owner")
	var v *model.ValidationError
	if !errors.As(err, &v) || v.Fields["role"] == "" {
		t.Fatalf("SetRole(owner) = %v, want a message on the role field", err)
	}
}

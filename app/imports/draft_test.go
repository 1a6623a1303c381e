package imports

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// TestDraftsBelongToTheirUploader keeps a draft with its suggested
// mapping and the activation default, shows it only to its uploader and
// for its kind, and sweeps it with its file once left a day untouched.
func TestDraftsBelongToTheirUploader(t *testing.T) {
	e, ctx := newEnv(t), context.Background()
	ann, bob := e.agent(t, "ann@example.com"), e.agent(t, "bob@example.com")
	if err := e.st.SetActivationAuto(ctx, model.Actor{Name: "Ann"}, true); err != nil {
		t.Fatal(err)
	}
	path := e.file(t, "people.csv", "Name,Email", "Cy,cy@example.com")
	pre, err := PrepareFor(KindContacts, path, "people.csv", e.d.Limits)
	if err != nil {
		t.Fatal(err)
	}
	id, err := NewDraft(ctx, e.d, model.ImportDraft{CreatedBy: ann, Kind: string(KindContacts),
		Match: string(MatchEmail), Filename: "people.csv", Path: path}, pre)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Draft(ctx, e.d, id, ann, KindContacts)
	if err != nil || !d.SendActivation || len(d.Mapping) != 2 {
		t.Fatalf("Draft(own) = %+v, %v; want the activation default and two mapped columns", d, err)
	}
	for _, who := range []struct {
		agent int64
		kind  Kind
	}{{bob, KindContacts}, {ann, KindCompanies}} {
		if _, err := Draft(ctx, e.d, id, who.agent, who.kind); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("Draft(agent %d, %s) = %v, want ErrNotFound", who.agent, who.kind, err)
		}
	}
	e.clk.Advance(DraftTTL + 1)
	if err := SweepDrafts(ctx, e.d); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the swept draft's file is still there: %v", err)
	}
	if _, err := Draft(ctx, e.d, id, ann, KindContacts); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Draft(swept) = %v, want ErrNotFound", err)
	}
}

// TestAdminsSeeEveryImportAgentsTheirOwn is who may see an import.
func TestAdminsSeeEveryImportAgentsTheirOwn(t *testing.T) {
	im := &model.Import{CreatedBy: 7}
	cases := []struct {
		a    model.Agent
		want bool
	}{
		{model.Agent{ID: 7, Role: model.RoleAgent}, true},
		{model.Agent{ID: 8, Role: model.RoleAgent}, false},
		{model.Agent{ID: 8, Role: model.RoleAdmin}, true},
	}
	for _, c := range cases {
		if got := MaySee(&c.a, im); got != c.want {
			t.Errorf("MaySee(%+v) = %v, want %v", c.a, got, c.want)
		}
	}
}

// agent creates an agent and returns its id.
func (e *env) agent(t *testing.T, email string) int64 {
	t.Helper()
	a, err := e.st.CreateAgent(context.Background(), email, email, model.RoleAgent, "", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	return a.ID
}

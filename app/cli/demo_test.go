package cli

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/password"
	"github.com/portico-hub/portico/app/store"
)

// TestDemoCreatesItsOwnAdmin: the demo database gets an admin whose
// password is printed, so the demo can be explored at once; a database
// that already held data gets none, so no real installation ever has a
// default password.
func TestDemoCreatesItsOwnAdmin(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var out bytes.Buffer
	e := &env{stdout: &out, cfg: &config.Config{BaseURL: "http://localhost:8080"}, log: slog.New(slog.DiscardHandler)}
	if err := loadDemo(ctx, st, e); err != nil {
		t.Fatal(err)
	}
	a, err := st.AgentByEmail(ctx, demoAdminEmail)
	if err != nil || !a.IsAdmin() || !password.Check(demoAdminPassword, a.PasswordHash) {
		t.Fatalf("the demo admin %+v, %v", a, err)
	}
	if want := "http://localhost:8080/login and sign in as dana@portico.test with the password " + demoAdminPassword; !strings.Contains(out.String(), want) {
		t.Errorf("make demo says %q; want %q", out.String(), want)
	}

	out.Reset()
	if err := loadDemo(ctx, st, e); err != nil || out.Len() > 0 {
		t.Errorf("a second start: %v, says %q; want nothing", err, out.String())
	}
	used, err := store.Open(ctx, filepath.Join(t.TempDir(), "real.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer used.Close()
	if _, err := used.CreateCompany(ctx, model.Actor{Name: "Test"}, model.CompanyFields{Name: "Daeho Logistics"}); err != nil {
		t.Fatal(err)
	}
	if err := loadDemo(ctx, used, e); err != nil {
		t.Fatal(err)
	}
	if n, err := used.CountAgents(ctx); err != nil || n != 0 {
		t.Errorf("a database with data of its own has %d agents after --demo (%v); want none", n, err)
	}
}

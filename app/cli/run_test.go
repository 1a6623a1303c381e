package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/store"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestAdminCreateReadsPasswordFromStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	code, out, errs := run(t, "a long secret phrase\n", "admin", "create", "--db", db, "--email", "root@example.com", "--name", "Root")
	if code != 0 || !strings.Contains(out, "created admin Root <root@example.com>") {
		t.Fatalf("exit %d, out %q, err %q", code, out, errs)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, err := st.AgentByEmail(context.Background(), "ROOT@example.com")
	if err != nil || !a.IsAdmin() || a.PasswordHash == "" || strings.Contains(a.PasswordHash, "secret") {
		t.Fatalf("admin %+v, err %v", a, err)
	}
	code, _, errs = run(t, "a long secret phrase\n", "admin", "create", "--db", db, "--email", "root@example.com", "--name", "Root")
	if code != 1 || !strings.Contains(errs, "already taken") {
		t.Fatalf("a second admin with the same email: exit %d, %q", code, errs)
	}
	code, _, errs = run(t, "short\n", "admin", "create", "--db", db, "--email", "x@example.com", "--name", "X")
	if code != 1 || !strings.Contains(errs, "password") {
		t.Fatalf("a weak password: exit %d, %q", code, errs)
	}
	code, _, errs = run(t, "short\n", "admin", "create", "--db", db, "--email", "not-an-address", "--name", "X")
	if code != 1 || !strings.Contains(errs, "not created:\n  --email: ") || !strings.Contains(errs, "\n  the password: ") {
		t.Fatalf("a bad address and a weak password: exit %d, %q; want one line each, named as typed", code, errs)
	}
	if code, _, errs = run(t, "", "admin", "create", "--db", db); code != 1 || !strings.Contains(errs, "--email and --name") {
		t.Fatalf("no --email or --name: exit %d, %q", code, errs)
	}
}

func TestInvalidConfigurationIsExplained(t *testing.T) {
	t.Setenv("PORTICO_TRUST_PROXY", "yes please")
	code, _, errs := run(t, "", "serve", "--addr", "localhost:99999", "--base-url", "ftp://x", "--log-level", "loud")
	if code != 2 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{`addr "localhost:99999"`, `base-url "ftp://x"`, `log-level "loud"`, `PORTICO_TRUST_PROXY "yes please"`} {
		if !strings.Contains(errs, want) {
			t.Errorf("error output lacks %q:\n%s", want, errs)
		}
	}
}

func TestEnvironmentConfiguresAndFlagsWin(t *testing.T) {
	t.Setenv("PORTICO_DB", filepath.Join(t.TempDir(), "env.db"))
	t.Setenv("PORTICO_LOG_LEVEL", "loud")
	code, _, errs := run(t, "", "migrate")
	if code != 2 || !strings.Contains(errs, `log-level "loud"`) {
		t.Fatalf("a bad PORTICO_LOG_LEVEL: exit %d, %q", code, errs)
	}
	t.Setenv("PORTICO_LOG_LEVEL", "warn")
	flagDB := filepath.Join(t.TempDir(), "flag.db")
	code, out, errs := run(t, "", "migrate", "--db", flagDB)
	if code != 0 || !strings.Contains(out, flagDB) {
		t.Fatalf("exit %d, out %q, err %q", code, out, errs)
	}
}

func TestHelpAndUnknownCommands(t *testing.T) {
	if code, out, _ := run(t, "", "--help"); code != 0 || !strings.Contains(out, "PORTICO_DB") {
		t.Fatalf("--help: exit %d, %q", code, out)
	}
	if code, out, _ := run(t, "", "help"); code != 0 || !strings.Contains(out, "portico help COMMAND") || !strings.Contains(out, "portico import contacts") {
		t.Fatalf("help: exit %d, %q", code, out)
	}
	if code, out, _ := run(t, "", "help", "import"); code != 0 || !strings.Contains(out, "usage: portico import") || !strings.Contains(out, "-mode") {
		t.Fatalf("help import: exit %d, %q", code, out)
	}
	if code, _, errs := run(t, "", "frobnicate"); code != 2 || !strings.Contains(errs, "unknown command") {
		t.Fatalf("unknown command: exit %d, %q", code, errs)
	}
	if code, _, errs := run(t, "", "help", "frobnicate"); code != 2 || !strings.Contains(errs, `no command "frobnicate"`) {
		t.Fatalf("help for an unknown command: exit %d, %q", code, errs)
	}
}

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandsIgnoreServerSettings runs the import and export commands
// with server settings in the environment that the server would refuse:
// they read none of them, so none stops them. A setting a command does
// read still stops it, with a message naming it.
func TestCommandsIgnoreServerSettings(t *testing.T) {
	for k, v := range map[string]string{"PORTICO_SMTP_URL": "ftp://mail.example.com", "PORTICO_WEBHOOK_ALLOW_NETS": "localhost",
		"PORTICO_ADDR": "no-port", "PORTICO_SESSION_TTL": "forever",
		"PORTICO_LOGIN_RATE": "many", "PORTICO_MAIL_FROM": "not an address"} {
		t.Setenv(k, v)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	people, companies := filepath.Join(dir, "people.csv"), filepath.Join(dir, "companies.csv")
	for path, body := range map[string]string{people: "Name,Email\nAnn Lee,ann@example.com\n", companies: "Name,Domains\nAcme,acme.test\n"} {
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"import", "contacts", people}, {"import", "companies", companies},
		{"export", "contacts", "-o", filepath.Join(dir, "out.csv")}} {
		if code, out, errs := run(t, "", append(args, "--db", db, "--log-level", "error")...); code != 0 {
			t.Errorf("%q: exit %d, out %q, err %q", args, code, out, errs)
		}
	}
	if code, out, errs := run(t, "", "migrate", "--db", db); code != 0 {
		t.Errorf("migrate: exit %d, out %q, err %q", code, out, errs)
	}
	if code, out, errs := run(t, "a long enough passphrase\n", "admin", "create", "--db", db, "--email", "root@example.com",
		"--name", "Root"); code != 0 {
		t.Errorf("admin create: exit %d, out %q, err %q", code, out, errs)
	}
	if code, _, errs := run(t, "", "serve", "--db", db); code != 2 || !strings.Contains(errs, "smtp-url") {
		t.Errorf("the server should refuse its bad settings: exit %d, %q", code, errs)
	}
	t.Setenv("PORTICO_BASE_URL", "support.example.com") // the import links to its page from it
	if code, _, errs := run(t, "", "import", "contacts", people, "--db", db); code != 2 || !strings.Contains(errs, `base-url "support.example.com"`) {
		t.Errorf("a bad base URL the import reads: exit %d, %q", code, errs)
	}
	if code, _, errs := run(t, "", "export", "contacts", "--db", db, "-o", filepath.Join(dir, "base.csv")); code != 0 {
		t.Errorf("the export reads no base URL: exit %d, %q", code, errs)
	}
	t.Setenv("PORTICO_BASE_URL", "")
	t.Setenv("PORTICO_JOB_LEASE", "soon")
	if code, _, errs := run(t, "", "import", "contacts", people, "--db", db); code != 2 ||
		errs != "portico: invalid configuration:\n  PORTICO_JOB_LEASE \"soon\": want a duration such as 72h or 30m\n" {
		t.Errorf("a bad setting the import reads: exit %d, %q", code, errs)
	}
	if code, _, errs := run(t, "", "export", "contacts", "--db", db, "-o", filepath.Join(dir, "again.csv")); code != 0 {
		t.Errorf("the export reads no job lease: exit %d, %q", code, errs)
	}
}

// TestCommandsExplainABadDatabasePath gives the commands a database path
// that cannot be a database file.
func TestCommandsExplainABadDatabasePath(t *testing.T) {
	dir := t.TempDir()
	people := filepath.Join(dir, "people.csv")
	if err := os.WriteFile(people, []byte("Name,Email\nAnn Lee,ann@example.com\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import", "contacts", people, "--db", ""}, 2, "db: a database path is required, such as data/portico.db"},
		{[]string{"import", "contacts", people, "--db", dir}, 2, `db "` + dir + `": this is a folder; give the database file's path, such as ` +
			filepath.Join(dir, "portico.db")},
		{[]string{"export", "contacts", "-o", filepath.Join(dir, "x.csv"), "--db", filepath.Join(people, "p.db")}, 2,
			`db "` + filepath.Join(people, "p.db") + `": ` + people + " is a file, not a folder"},
		{[]string{"export", "contacts", "-o", filepath.Join(dir, "x.csv"), "--db", people}, 1,
			"portico export: cannot open the database " + people + ": "},
		{[]string{"import", "contacts", people, "--db", filepath.Join(dir, "p.db"), "--files", people}, 2,
			`files "` + people + `": this is a file; give a folder`},
	}
	for _, tc := range cases {
		if code, _, errs := run(t, "", tc.args...); code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%q: exit %d, %q; want %d, %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}

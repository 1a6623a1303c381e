package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportSaysWhyRowsFailed prints, after the counts, the commonest
// reasons rows failed with their counts and the failed rows' numbers.
func TestImportSaysWhyRowsFailed(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "people.csv")
	data := "Name,Email,Time zone\n" +
		"Ann,ann@example.com,Mars/Base\n" +
		"Bo,bo@,\n" +
		"Cy,cy@example.com,Asia/Seoul\n" +
		"Di,di@example.com,Atlantis\n" +
		"Ed,ed@,\n" +
		"Flo,flo@example.com,Moon/Crater\n"
	if err := os.WriteFile(csv, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "import", "contacts", csv, "--db", filepath.Join(dir, "p.db"), "--log-level", "error")
	if code != 1 || !strings.Contains(errs, "5 rows failed") {
		t.Fatalf("exit %d, err %q", code, errs)
	}
	want := "Why rows failed:\n" +
		"  3 rows: Time zone: Choose a time zone such as Europe/Berlin or Asia/Seoul (a Rails name such as Seoul also works).\n" +
		"  2 rows: Email: “…”: "
	if !strings.Contains(out, want) || !strings.Contains(out, "Failed rows: 2, 3, 5, 6, 7\n") {
		t.Errorf("output lacks the reasons and rows:\n%s", out)
	}
}

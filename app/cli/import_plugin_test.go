package cli

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// approvedHello installs and approves hello-go next to db and gives it an
// instance "Main" generating count records (every tenth a company).
func approvedHello(t testing.TB, db string, count int, extra ...string) {
	t.Helper()
	installHelloGo(t, filepath.Join(filepath.Dir(db), "plugins"))
	var out, errs strings.Builder
	if code := Run(context.Background(), []string{"plugins", "approve", "hello-go", "--yes", "--db", db}, strings.NewReader(""), &out, &errs); code != 0 {
		t.Fatalf("approve: %s %s", out.String(), errs.String())
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cfg := `{"count":` + strconv.Itoa(count) + `,"domain":"hello.test"` + strings.Join(append([]string{""}, extra...), ",") + `}`
	if _, err := st.SavePluginInstance(context.Background(), model.PluginInstance{PluginID: "hello-go", Name: "Main", Config: cfg}); err != nil {
		t.Fatal(err)
	}
}

func TestImportContactsFromAPlugin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	approvedHello(t, db, 1000)
	code, out, errs := run(t, "", "import", "contacts", "--from", "hello-go:Main", "--db", db)
	if code != 0 || !strings.Contains(out+errs, "900") {
		t.Fatalf("exit %d, out %q, err %q", code, out, errs)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	im, err := st.Import(context.Background(), 1)
	if err != nil || im.State != model.JobDone || im.Created != 900 || im.Failed != 0 || im.SourceCursor != "1000" {
		t.Fatalf("import %+v %v", im, err)
	}
	again, out2, errs2 := run(t, "", "import", "contacts", "--from", "hello-go:Main", "--db", db, "--mode", "create")
	if again != 0 || !strings.Contains(out2+errs2, "900") {
		t.Fatalf("second run: exit %d %q %q", again, out2, errs2)
	}
	if v, _ := st.ViewCounts(context.Background()); v.All != 900 {
		t.Fatalf("%d contacts after importing twice, want 900", v.All)
	}
	if code, _, errs := run(t, "", "import", "contacts", "--from", "hello-go:Nope", "--db", db); code != 1 || !strings.Contains(errs, `no instance "Nope"`) {
		t.Fatalf("unknown instance: %d %q", code, errs)
	}
}

// TestPluginImportSurvivesSIGKILL kills `portico import contacts --from`
// at random moments, restarts it, and checks the import ends with exact
// counts, no duplicate and no plugin process left behind.
func TestPluginImportSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and imports 60,000 records")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "portico")
	if out, err := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, "../../cmd/portico").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "data", "portico.db")
	// 120 batches, 20 ms apart: the kill lands while the plugin streams.
	approvedHello(t, db, 60_000, `"pause_ms":20`)
	args := []string{"import", "contacts", "--from", "hello-go:Main", "--db", db, "--job-lease", "1s", "--log-level", "error"}
	for range 3 {
		cmd := exec.Command(bin, args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(1500+rand.IntN(2500)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		time.Sleep(1500 * time.Millisecond) // the lease runs out; the plugin notices its host is gone
		logProgress(t, db)
	}
	if left := pluginProcesses(t, filepath.Dir(db)); len(left) > 0 {
		t.Errorf("plugin processes outlived the killed host: %v", left)
	}
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("final run: %v\n%s", err, out)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	im, err := st.Import(context.Background(), 1)
	if err != nil || im.State != model.JobDone || im.Created != 54_000 || im.Rows() != 54_000 {
		t.Errorf("import %s %+v (%v), want 54,000 created", im.State, im.ImportCounts, err)
	}
	if v, err := st.ViewCounts(context.Background()); err != nil || v.All != 54_000 {
		t.Errorf("%d contacts (%v), want 54,000", v.All, err)
	}
}

// logProgress notes where the killed import stood.
func logProgress(t *testing.T, db string) {
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if im, err := st.Import(context.Background(), 1); err == nil {
		t.Logf("killed at row %d, cursor %q after row %d", im.LastRow, im.SourceCursor, im.SourceRow)
	}
}

// pluginProcesses lists the processes running a file under dir.
func pluginProcesses(t *testing.T, dir string) []string {
	t.Helper()
	procs, _ := filepath.Glob("/proc/[0-9]*/exe")
	var out []string
	for _, p := range procs {
		exe, err := os.Readlink(p)
		if errors.Is(err, os.ErrNotExist) || err != nil {
			continue
		}
		if strings.HasPrefix(exe, dir) {
			out = append(out, p+" "+exe)
		}
	}
	return out
}

// TestPluginCrashMidImportResumesFromItsCursor kills the plugin while
// `portico import contacts --from` reads it: the host restarts the
// plugin, the job retries, and the import resumes from the stored cursor
// with exact counts.
func TestPluginCrashMidImportResumesFromItsCursor(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 60,000 records and waits for a retry")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "portico")
	if out, err := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, "../../cmd/portico").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "data", "portico.db")
	// 120 batches, 20 ms apart: the kill lands while the plugin streams.
	approvedHello(t, db, 60_000, `"pause_ms":20`)
	cmd := exec.Command(bin, "import", "contacts", "--from", "hello-go:Main", "--db", db, "--log-level", "error")
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// The plugin streams for at least 2.4 s (120 batches 20 ms apart):
	// a second after it starts, it is mid-stream.
	killed := false
	var since time.Time
	for deadline := time.Now().Add(30 * time.Second); !killed && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		procs := pluginProcesses(t, filepath.Dir(db))
		switch {
		case len(procs) == 0:
		case since.IsZero():
			since = time.Now()
		case time.Since(since) > time.Second:
			pid, _ := strconv.Atoi(strings.Split(procs[0], "/")[2])
			killed = syscall.Kill(pid, syscall.SIGKILL) == nil
		}
	}
	if err := cmd.Wait(); err != nil || !killed {
		t.Fatalf("killed %v; import: %v\n%s", killed, err, out.String())
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	im, err := st.Import(context.Background(), 1)
	if err != nil || im.State != model.JobDone || im.Created != 54_000 || im.Rows() != 54_000 {
		t.Errorf("import %+v (%v), want 54,000 created", im, err)
	}
	acts, _ := st.PluginActivity(context.Background(), "hello-go", 0, 50)
	if !slices.ContainsFunc(acts, func(a model.PluginActivity) bool { return a.Kind == "crashed" }) {
		t.Errorf("no crash recorded: %+v", acts)
	}
}

package imports

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/model"
)

func TestOneImportAtATimeButNeverStuck(t *testing.T) {
	e := newEnv(t)
	r := e.runner()
	first, err := e.start(t, r, mixedFile(t, e, 50), Params{})
	if err != nil {
		t.Fatal(err)
	}
	var be *BusyError
	if _, err := e.start(t, r, mixedFile(t, e, 5), Params{}); !errors.As(err, &be) || be.Live || be.ImportID != first {
		t.Fatalf("second import while the first waits: %v", err)
	}
	if _, err := e.start(t, r, mixedFile(t, e, 5), Params{DryRun: true}); err != nil {
		t.Errorf("a dry run waited for the import: %v", err)
	}
	if _, err := e.st.ClaimJob(context.Background(), "dead", []string{JobKind}, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := e.start(t, r, mixedFile(t, e, 5), Params{}); !errors.As(err, &be) || !be.Live {
		t.Fatalf("second import while the first runs: %v", err)
	}
	e.clk.Advance(time.Minute)
	if _, err := e.start(t, r, mixedFile(t, e, 5), Params{}); !errors.As(err, &be) || be.Live {
		t.Fatalf("import of a dead worker: %v, want an interrupted (not live) import", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go r.Run(ctx)
	if im := e.wait(t, first); im.State != model.JobDone {
		t.Fatalf("the dead worker's import ended %s", im.State)
	}
	next, err := e.start(t, r, mixedFile(t, e, 5), Params{})
	if err != nil {
		t.Fatalf("an import after the first finished: %v", err)
	}
	e.wait(t, next)
}

func TestCancel(t *testing.T) {
	e := newEnv(t)
	r := e.runner()
	admin := &model.Agent{ID: 1, Role: model.RoleAdmin}
	queued, err := e.start(t, r, mixedFile(t, e, 30), Params{})
	if err != nil {
		t.Fatal(err)
	}
	if err := Cancel(context.Background(), e.d, &model.Agent{ID: 9, Role: model.RoleAgent}, queued); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("another agent cancelled: %v", err)
	}
	if err := Cancel(context.Background(), e.d, admin, queued); err != nil {
		t.Fatal(err)
	}
	if im, _ := Get(context.Background(), e.d, queued); im.State != model.JobCancelled {
		t.Fatalf("queued import is %s after cancel", im.State)
	}
	running, err := e.start(t, r, mixedFile(t, e, 300), Params{})
	if err != nil {
		t.Fatalf("import after a cancelled one: %v", err)
	}
	if _, err := e.st.ClaimJob(context.Background(), "busy", []string{JobKind}, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	if err := Cancel(context.Background(), e.d, admin, running); err != nil {
		t.Fatal(err)
	}
	e.clk.Advance(time.Minute)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go r.Run(ctx)
	if im := e.wait(t, running); im.State != model.JobCancelled {
		t.Fatalf("running import ended %s after cancel", im.State)
	}
}

func TestFailuresCSV(t *testing.T) {
	e := newEnv(t)
	path := e.file(t, "f.csv", header, "Ann,ann@example,,,", "=cmd,bob@example.com,call me,,", ",cat@example.com,,,", "Dan,dan@example.com,,,")
	im := e.importFile(t, path, Params{})
	wantCounts(t, im, model.ImportCounts{Created: 1, Failed: 3})
	var buf bytes.Buffer
	if err := WriteFailures(context.Background(), e.d, im.ID, &buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	want := []string{"Row,Reason," + header, "2,", "3,", "4,"}
	if len(lines) != len(want) {
		t.Fatalf("failures file:\n%s", buf.String())
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d %q, want it to start with %q", i, lines[i], w)
		}
	}
	if !strings.Contains(lines[2], "Phone: ") || !strings.Contains(lines[2], ",'=cmd,") {
		t.Errorf("row 3 %q: want the phone's reason and the formula neutralised", lines[2])
	}
}

func TestDryRunCountsWhatTheImportDoes(t *testing.T) {
	e := newEnv(t)
	seed(t, e, "User 0", "user0@example.com", "Old", "user7@example.com")
	path := mixedFile(t, e, 120)
	dry := e.importFile(t, path, Params{DryRun: true})
	if n := e.countContacts(t); n != 2 {
		t.Fatalf("a dry run changed contacts: %d", n)
	}
	real := e.importFile(t, path, Params{})
	if dry.ImportCounts != real.ImportCounts {
		t.Errorf("dry run %+v, import %+v", dry.ImportCounts, real.ImportCounts)
	}
}

func TestRefusedFiles(t *testing.T) {
	e := newEnv(t)
	noName := e.file(t, "n.csv", "Email,Phone", "a@example.com,1234")
	if _, err := e.start(t, e.runner(), noName, Params{}); err == nil {
		t.Error("a file without a name column was accepted")
	}
	quote := e.file(t, "q.csv", header, "Bob,bob@example.com,,,", `Ann,"ann@example.com,,,`)
	if im := e.importFile(t, quote, Params{}); im.State == model.JobDone && im.Rows() != 2 {
		t.Errorf("unbalanced quote: %s %+v", im.State, im.ImportCounts)
	}
	var fe *importfile.FileError
	if _, err := Prepare(e.file(t, "empty.csv"), "empty.csv", e.d.Limits); !errors.As(err, &fe) {
		t.Errorf("empty file: %v", err)
	}
}

// A dry run in place reads the caller's file and counts as one on a copy
// does; a real import asked to read in place still reads a copy.
func TestDryRunInPlaceReadsTheFileItself(t *testing.T) {
	e := newEnv(t)
	path := mixedFile(t, e, 40)
	copied := e.importFile(t, path, Params{DryRun: true})
	inPlace := e.importFile(t, path, Params{DryRun: true, InPlace: true})
	if inPlace.Path != path || copied.Path == path || inPlace.ImportCounts != copied.ImportCounts {
		t.Errorf("in place %s %+v, copied %s %+v", inPlace.Path, inPlace.ImportCounts, copied.Path, copied.ImportCounts)
	}
	if real := e.importFile(t, path, Params{InPlace: true}); real.Path == path {
		t.Errorf("a real import reads %s in place", real.Path)
	}
}

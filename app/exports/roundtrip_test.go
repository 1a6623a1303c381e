package exports_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
)

// TestRoundTrip exports every field as CSV and as Excel, with formulas
// neutralised, and imports each file back with the suggested mapping,
// matching by email: every row is skipped and nothing in the database
// changes, not even an updated time.
func TestRoundTrip(t *testing.T) {
	for _, format := range []string{exports.FormatCSV, exports.FormatXLSX} {
		t.Run(format, func(t *testing.T) {
			e := newEnv(t)
			e.sample(t)
			spec := all()
			spec.Format, spec.BOM = format, format == exports.FormatCSV
			path := filepath.Join(e.dir, "contacts."+format)
			if err := os.WriteFile(path, e.export(t, spec), 0o600); err != nil {
				t.Fatal(err)
			}
			before := e.snapshot(t)
			e.clk.Advance(time.Hour)
			im := e.reimport(t, path)
			if im.State != model.JobDone || im.ImportCounts != (model.ImportCounts{Skipped: 4}) {
				t.Errorf("import %s (%s): %+v, want all 4 rows skipped", im.State, im.Error, im.ImportCounts)
			}
			if after := e.snapshot(t); !reflect.DeepEqual(before, after) {
				t.Errorf("the database changed:\nbefore %+v\nafter  %+v", before, after)
			}
		})
	}
}

// snapshot is every contact, deleted ones too, with its lists, and the
// companies and tags.
type snapshot struct {
	Contacts  []model.Contact
	Companies int
	Tags      []string
}

func (e *env) snapshot(t *testing.T) snapshot {
	t.Helper()
	ctx := context.Background()
	var s snapshot
	for id := int64(1); ; id++ {
		c, err := e.st.Contact(ctx, id)
		if err != nil {
			break
		}
		s.Contacts = append(s.Contacts, *c)
	}
	cos, err := e.st.ListCompanies(ctx, model.CompanyQuery{PerPage: 100})
	if err != nil {
		t.Fatal(err)
	}
	s.Companies = cos.Total
	if s.Tags, err = e.st.Tags(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

// reimport imports a file as an agent would without changing a choice:
// the suggested mapping, create and update, matching by email.
func (e *env) reimport(t *testing.T, path string) *model.Import {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	d := imports.Deps{Store: e.st, FilesDir: e.dir, Log: e.log}
	pre, err := imports.Prepare(path, filepath.Base(path), d.Limits)
	if err != nil {
		t.Fatal(err)
	}
	r := jobs.NewRunner(e.st, e.log)
	r.Poll, r.Workers = 5*time.Millisecond, 1
	imports.Register(r, d)
	id, err := imports.Start(ctx, d, r, model.Actor{Name: "Test"},
		imports.Params{Path: path, Filename: filepath.Base(path), Dialect: pre.Dialect})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	var im *model.Import
	testkit.Eventually(t, time.Minute, func() bool {
		var err error
		if im, err = imports.Get(ctx, d, id); err != nil {
			t.Fatal(err)
		}
		return im.State.Finished()
	}, "the import did not finish")
	return im
}

// TestExportHandleAndAddressReadBack checks that the columns of the X
// handle and the postal address hold the stored values, lines and all,
// and that the import's suggested mapping reads them back to the same
// fields, so the round trip above covers them.
func TestExportHandleAndAddressReadBack(t *testing.T) {
	e := newEnv(t)
	e.sample(t)
	rows := readCSV(t, e.export(t, all()))
	m := importfile.SuggestMapping(rows[0])
	for header, want := range map[string]importfile.Field{"X (Twitter) handle": importfile.TwitterID, "Address": importfile.Address} {
		i := slices.Index(rows[0], header)
		if i < 0 || m.Columns[i] != want {
			t.Errorf("column %q at %d does not read back as %q", header, i, want)
		}
	}
	if got := column(rows, "X (Twitter) handle"); got[0] != "Ann_Lee" {
		t.Errorf("X handles %q", got)
	}
	if got := column(rows, "Address"); got[0] != "Friedrichstraße 1,\n10117 Berlin" {
		t.Errorf("addresses %q", got)
	}
}

package imports

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// mixedCompanies writes n rows with new companies, repeated names that
// add a domain, domains taken by an earlier row, free-mail domains and
// bad dates, and seeds contacts at some domains, so a resumed import has
// every kind of row and link to get right.
func mixedCompanies(t *testing.T, e *env, n int) string {
	t.Helper()
	seed(t, e, "Ann", "ann@co5.example", "Bob", "bob@extra14.example", "Cat", "cat@co40.example")
	lines := rowsCSV(n, func(i int) string {
		switch {
		case i%13 == 4:
			return fmt.Sprintf("Free %d,gmail.com,,", i)
		case i%11 == 3:
			return fmt.Sprintf("co %d,extra%d.example,again %d,", i-3, i, i)
		case i%17 == 6:
			return fmt.Sprintf("Taker %d,co%d.example,,", i, i-1)
		case i%19 == 7:
			return fmt.Sprintf("Late %d,,,31/31/2026", i)
		}
		return fmt.Sprintf("Co %d,co%d.example,,2026-%02d-01", i, i, i%12+1)
	})
	return e.file(t, fmt.Sprintf("companies%d.csv", n), append([]string{"Name,Domain,Notes,Renewal date"}, lines...)...)
}

// TestCompanyResumeAfterCrashIsExact abandons a companies import after k
// batches, as a killed worker does, and has a fresh runner finish it: the
// counts and companies equal an uninterrupted run's, and a dry run
// counts the same.
func TestCompanyResumeAfterCrashIsExact(t *testing.T) {
	ref := newEnv(t)
	want := ref.importFile(t, mixedCompanies(t, ref, 120), companyParams(Params{}))
	wantCompanies := companies(t, ref)
	if want.Created == 0 || want.Updated == 0 || want.Failed == 0 || want.Skipped != 0 {
		t.Fatalf("the file lacks a kind of row: %+v", want.ImportCounts)
	}
	dry := newEnv(t)
	if got := dry.importFile(t, mixedCompanies(t, dry, 120), companyParams(Params{DryRun: true})); got.ImportCounts != want.ImportCounts {
		t.Errorf("dry run counts %+v, the import %+v", got.ImportCounts, want.ImportCounts)
	}
	if n := len(companies(t, dry)); n != 0 {
		t.Errorf("a dry run wrote %d companies", n)
	}
	for _, k := range []int{1, 5, 15} {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			e := newEnv(t)
			id, err := e.start(t, e.runner(), mixedCompanies(t, e, 120), companyParams(Params{}))
			if err != nil {
				t.Fatal(err)
			}
			crash(t, e, id, k)
			e.clk.Advance(time.Minute) // the dead worker's lease runs out
			r := e.runner()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go r.Run(ctx)
			got := e.wait(t, id)
			if got.ImportCounts != want.ImportCounts {
				t.Errorf("resumed counts %+v, uninterrupted %+v", got.ImportCounts, want.ImportCounts)
			}
			if g := companies(t, e); !slices.Equal(g, wantCompanies) {
				t.Errorf("resumed companies differ:\n%s\nwant\n%s", strings.Join(g, "\n"), strings.Join(wantCompanies, "\n"))
			}
		})
	}
}

func TestPrepareOffersTheKindsFields(t *testing.T) {
	e := newEnv(t)
	path := e.file(t, "p.csv", "Account Name,Website,Renewal", "Acme,https://acme.com/,03/04/2026", ",gmail.com,")
	p, err := PrepareFor(KindCompanies, path, "p.csv", e.d.Limits)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.Fields, Fields(KindCompanies)) || p.Kind != KindCompanies {
		t.Errorf("fields %v", p.Fields)
	}
	if got := strings.Join(p.Mapping.Specs(), " "); got != "Account Name=name Website=domains Renewal=renewal_date" {
		t.Errorf("mapping %s", got)
	}
	if len(p.Rows) != 2 || p.Rows[0].Company.Name != "Acme" || !slices.Equal(p.Rows[0].Company.Domains, []string{"acme.com"}) {
		t.Fatalf("rows %+v", p.Rows)
	}
	var msgs []string
	for _, r := range p.Rows {
		for _, ce := range r.Errors {
			msgs = append(msgs, ce.Error())
		}
	}
	want := []string{"Row 2, Renewal (C): “03/04/2026” could be 3 April 2026 or 4 March 2026: write it as YYYY-MM-DD, such as 2026-04-03.",
		"Row 3, Account Name (A): Enter the company's name.",
		"Row 3, Website (B): gmail.com is a public email service: listing it would link every contact who uses it to this company."}
	if !slices.Equal(msgs, want) {
		t.Errorf("errors\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	again, err := PreviewFor(KindCompanies, path, p.Dialect, []string{"A=name", "C=notes"}, e.d.Limits)
	if err != nil || again.Rows[0].Company.Notes != "03/04/2026" {
		t.Errorf("remapped preview %+v, %v", again, err)
	}
	if c, err := Prepare(path, "p.csv", e.d.Limits); err != nil || !slices.Equal(c.Fields, Fields(KindContacts)) {
		t.Errorf("contacts preview fields %v, %v", c.Fields, err)
	}
}

func TestReadDate(t *testing.T) {
	for in, want := range map[string]string{
		"2026-12-31": "2026-12-31", "2026/1/5": "2026-01-05", "2026.01.05": "2026-01-05", "20260105": "2026-01-05",
		"2026-01-05T09:30:00+09:00": "2026-01-05", "2026-01-05 09:30": "2026-01-05", "Jan 5, 2026": "2026-01-05",
		"5 January 2026": "2026-01-05", "05-Jan-2026": "2026-01-05", "2026년 1월 5일": "2026-01-05", "2026. 1. 5.": "2026-01-05",
		"31/12/2026": "2026-12-31", "12/31/2026": "2026-12-31", "31.12.2026": "2026-12-31", "05/05/2026": "2026-05-05", " ": "",
	} {
		if got, problem := readDate(in); got != want || problem != "" {
			t.Errorf("readDate(%q) = %q, %q; want %q", in, got, problem, want)
		}
	}
	for in, want := range map[string]string{
		"03/04/2026": "could be 3 April 2026 or 4 March 2026", "2026-02-30": "is not a date", "31/31/2026": "is not a date",
		"next year": "is not a date", "2026년 13월 1일": "is not a date",
	} {
		if got, problem := readDate(in); got != "" || !strings.Contains(problem, want) {
			t.Errorf("readDate(%q) = %q, %q; want %q", in, got, problem, want)
		}
	}
}

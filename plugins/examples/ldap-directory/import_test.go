package main

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// fixture is a seeded slapd and the built plugin.
type fixture struct {
	server *slapd
	people int
	dir    string
}

// seeded starts slapd with 700 ordinary people and the special ones, and
// builds the plugin.
func seeded(t testing.TB) *fixture {
	t.Helper()
	s := startSlapd(t)
	return &fixture{server: s, people: seed(t, s, 700), dir: buildPlugin(t)}
}

var uuidRe = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

func importAll(t *testing.T, p *host.Plugin, ref host.Ref, cursor string, size int) ([]sdk.Batch, error) {
	t.Helper()
	var batches []sdk.Batch
	err := p.Import(context.Background(), host.ImportRequest{Ref: ref, Cursor: cursor, BatchSize: size},
		func(b sdk.Batch) error { batches = append(batches, b); return nil })
	return batches, err
}

func contacts(batches []sdk.Batch) map[string]*sdk.Contact {
	byName := map[string]*sdk.Contact{}
	for _, b := range batches {
		for _, r := range b.Records {
			if r.Contact != nil {
				byName[r.Contact.Name] = r.Contact
			}
		}
	}
	return byName
}

func TestImportFromSlapd(t *testing.T) {
	f := seeded(t)
	p := startPlugin(t, f.dir)
	ref := configureReader(t, p, f.server)
	batches, err := importAll(t, p, ref, "", 100)
	if err != nil {
		t.Fatal(err)
	}
	people := contacts(batches)
	if len(people) != f.people {
		t.Fatalf("got %d contacts, want %d (the group and the service account are no people)", len(people), f.people)
	}
	if last := batches[len(batches)-1]; last.Progress.Done != int64(f.people) {
		t.Errorf("final progress %d, want %d", last.Progress.Done, f.people)
	}
	checkSpecialPeople(t, people)
	checkCompaniesComeFirst(t, batches)
	for _, c := range people {
		if !uuidRe.MatchString(c.ExternalID) {
			t.Fatalf("%s has external id %q, want the entryUUID", c.Name, c.ExternalID)
		}
	}
}

func checkSpecialPeople(t *testing.T, people map[string]*sdk.Contact) {
	t.Helper()
	if c := people["김민준"]; c == nil || c.CompanyName != "한빛상사" || c.JobTitle != "팀장" ||
		!slices.Equal(c.Emails, []string{"minjun.kim@hanbit.example"}) {
		t.Errorf("Korean person: %+v", c)
	}
	if c := people["No Mail"]; c == nil || len(c.Emails) != 0 || c.Phone != "+49 30 1234567" || c.Mobile != "+49 170 1234567" {
		t.Errorf("person without mail: %+v", c)
	}
	if c := people["Two Mails"]; c == nil || c.CompanyName != "Sales" ||
		!slices.Equal(c.Emails, []string{"two@corp1.example", "two.alias@corp1.example"}) {
		t.Errorf("person with two mails: %+v", c)
	}
	c := people["Huge Entry"]
	if c == nil || len(c.About) > maxText+len("…") || !strings.HasPrefix(hugeDescription, strings.TrimSuffix(c.About, "…")) {
		t.Errorf("huge entry's description was not clipped to %d bytes at a character boundary: %d bytes", maxText, len(c.About))
	}
	if p := people["Person 0007"]; p == nil || p.CompanyName != "Corp 2" || p.Phone != "+1 555 010007" || p.JobTitle != "Engineer" {
		t.Errorf("ordinary person: %+v", p)
	}
}

// checkCompaniesComeFirst expects each contact's company earlier in the
// same batch, so the host can link them batch by batch.
func checkCompaniesComeFirst(t *testing.T, batches []sdk.Batch) {
	t.Helper()
	for i, b := range batches {
		have := map[string]bool{}
		for _, r := range b.Records {
			switch {
			case r.Company != nil:
				have[r.Company.ExternalID] = true
			case r.Contact.CompanyExternalID != "" && !have[r.Contact.CompanyExternalID]:
				t.Fatalf("batch %d: %s refers to company %s before it was sent", i, r.Contact.Name, r.Contact.CompanyExternalID)
			}
		}
	}
}

func configureReader(t *testing.T, p *host.Plugin, s *slapd) host.Ref {
	t.Helper()
	cfg := sdk.Config{InstanceID: "directory", Revision: 1, JSON: []byte(readerConfig(s)), Secrets: readerSecrets}
	if err := p.Configure(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	return host.Ref{InstanceID: "directory", Revision: 1}
}

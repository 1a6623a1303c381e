package main

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk"
)

const ada = `BEGIN:VCARD
VERSION:3.0
UID:ada
FN:Ada Lovelace
N:Lovelace;Ada;;;
EMAIL;TYPE=work:ada@engines.example
EMAIL;TYPE=home:ada@home.example
TEL;TYPE=work:+44 20 7946 0001
TEL;TYPE=cell:+44 7700 900001
ORG:Analytical Engines Ltd;Research
TITLE:Analyst
NOTE:Wrote the first program.
CATEGORIES:vip,pioneer
ADR;TYPE=home:;;12 St James's Square;London;;SW1Y 4JH;UK
END:VCARD`

const engines = `BEGIN:VCARD
VERSION:4.0
KIND:org
UID:engines
FN:Analytical Engines Ltd
URL:https://www.engines.example/about
NOTE:Makers of engines
CATEGORIES:customer
END:VCARD`

const minjun = `BEGIN:VCARD
VERSION:4.0
UID:minjun
FN:김민준
EMAIL:minjun.kim@hanbit.example
ORG:한빛상사
TITLE:팀장
END:VCARD`

func seeded(t *testing.T) *radicale {
	r := startRadicale(t)
	r.seed("contacts", "ada.vcf", ada)
	r.seed("contacts", "engines.vcf", engines)
	r.seed("contacts", "minjun.vcf", minjun)
	for _, n := range []string{"p1", "p2", "p3"} {
		r.seed("contacts", n+".vcf", "BEGIN:VCARD\nVERSION:3.0\nUID:"+n+"\nFN:Person "+n+"\nEMAIL:"+n+"@example.org\nEND:VCARD")
	}
	return r
}

func TestPullMapsContactsAndCompanies(t *testing.T) {
	r := seeded(t)
	p, ref := startPlugin(t, buildPlugin(t), r, "contacts")
	batches, _ := mustPull(t, p, ref, "", 2)
	if len(batches) != 3 || !batches[0].Snapshot {
		t.Fatalf("got %d batches, want 3 of 2 cards, marked as a snapshot", len(batches))
	}
	got := byID(batches)
	a := got["ada.vcf"].Record.Contact
	if a == nil || a.Name != "Ada Lovelace" || !slices.Equal(a.Emails, []string{"ada@engines.example", "ada@home.example"}) ||
		a.Phone != "+44 20 7946 0001" || a.Mobile != "+44 7700 900001" || a.CompanyName != "Analytical Engines Ltd" ||
		a.JobTitle != "Analyst" || a.About != "Wrote the first program." || !slices.Equal(a.Tags, []string{"vip", "pioneer"}) {
		t.Errorf("ada: %+v", a)
	}
	if v := got["ada.vcf"].Values; v["given_name"][0] != "Ada" || v["uid"][0] != "ada" || got["ada.vcf"].Version == "" {
		t.Errorf("ada's remote values or version: %+v %q", v, got["ada.vcf"].Version)
	}
	e := got["engines.vcf"]
	if c := e.Record.Company; e.Object != sdk.ObjectCompany || c == nil || c.Name != "Analytical Engines Ltd" ||
		!slices.Equal(c.Domains, []string{"engines.example"}) || c.Notes != "Makers of engines" {
		t.Errorf("the organisation card: %+v %+v", e, e.Record.Company)
	}
	if m := got["minjun.vcf"].Record.Contact; m == nil || m.Name != "김민준" || m.CompanyName != "한빛상사" || m.JobTitle != "팀장" {
		t.Errorf("Korean card: %+v", m)
	}
}

func TestIncrementalPullBringsUpdatesAndTombstones(t *testing.T) {
	r := seeded(t)
	p, ref := startPlugin(t, buildPlugin(t), r, "contacts")
	first, cursor := mustPull(t, p, ref, "", 100)
	// Another client of the address book edits one card and deletes one.
	edited := "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:p1\r\nFN:Person One Renamed\r\nEND:VCARD\r\n"
	if resp := r.do("PUT", "contacts", "p1.vcf", edited, map[string]string{"If-Match": byID(first)["p1.vcf"].Version}); resp.StatusCode >= 300 {
		t.Fatalf("PUT: %s", resp.Status)
	}
	if resp := r.do("DELETE", "contacts", "p2.vcf", "", nil); resp.StatusCode >= 300 {
		t.Fatalf("DELETE: %s", resp.Status)
	}
	next, last := mustPull(t, p, ref, cursor, 100)
	got := byID(next)
	if len(got) != 2 || next[0].Snapshot {
		t.Fatalf("incremental pull: %+v, want the edit and the delete only", got)
	}
	if c := got["p1.vcf"]; c.Op != sdk.OpUpsert || c.Record.Contact.Name != "Person One Renamed" || c.Version == byID(first)["p1.vcf"].Version {
		t.Errorf("edit: %+v", c)
	}
	if c := got["p2.vcf"]; c.Op != sdk.OpDelete {
		t.Errorf("delete: %+v", c)
	}
	if again, _ := mustPull(t, p, ref, last, 100); len(byID(again)) != 0 {
		t.Errorf("a pull from the last cursor brought %v", byID(again))
	}
}

func TestABadSyncTokenAsksForAFullResync(t *testing.T) {
	r := seeded(t)
	p, ref := startPlugin(t, buildPlugin(t), r, "contacts")
	for _, cur := range []string{`{"token":"http://radicale.org/ns/sync/0000"}`, "not a cursor"} {
		_, err := pull(t, p, ref, cur, 100)
		if !errors.Is(err, &sdk.Error{Kind: sdk.ErrInvalidCursor}) {
			t.Errorf("cursor %q: want invalid_cursor, got %v", cur, err)
		}
	}
}

func TestLookupByEmailNameAndDomain(t *testing.T) {
	r := seeded(t)
	p, ref := startPlugin(t, buildPlugin(t), r, "contacts")
	found, err := p.Lookup(context.Background(), ref, []sdk.LookupQuery{
		{Object: sdk.ObjectContact, Emails: []string{"nobody@example.org", "ADA@home.example"}},
		{Object: sdk.ObjectCompany, Domains: []string{"engines.example"}},
		{Object: sdk.ObjectCompany, Name: "analytical engines ltd"},
		{Object: sdk.ObjectContact, Emails: []string{"nobody@example.org"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"ada.vcf"}, {"engines.vcf"}, {"engines.vcf"}, nil}
	for i, matches := range found {
		var ids []string
		for _, m := range matches {
			ids = append(ids, m.RemoteID)
		}
		if !slices.Equal(ids, want[i]) {
			t.Errorf("query %d matched %v, want %v", i, ids, want[i])
		}
	}
}

package crmsync_test

import (
	"slices"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/model"
)

func (e *env) create(in contact.Input) int64 {
	e.t.Helper()
	id, err := e.contacts.Create(e.ctx, e.agent, in)
	if err != nil {
		e.t.Fatal(err)
	}
	return id
}

func TestFirstSyncShowsADryRunAndAppliesItOnlyOnConfirm(t *testing.T) {
	e := newEnv(t)
	ada := e.create(contact.Input{Name: "Ada Lovelace", Emails: []string{"ada@engines.example"}, JobTitle: "Analyst"})
	grace := e.create(contact.Input{Name: "Grace Hopper", Emails: []string{"grace@navy.example"}})
	twin := e.create(contact.Input{Name: "Twin", Emails: []string{"t1@x.example", "t2@x.example"}})
	// Ada's card was last changed before her contact was: Portico's is
	// the latest change, whatever second the test runs in.
	e.dav.put("ada.vcf", card{Name: "Ada Lovelace", Emails: []string{"ADA@engines.example", "ada@home.example"}, Note: "First program",
		Rev: time.Now().Add(-time.Hour)})
	e.dav.put("alan.vcf", card{Name: "Alan Turing", Emails: []string{"alan@bletchley.example"}, Phone: "+44 1908 640404"})
	e.dav.put("t1.vcf", card{Name: "Twin One", Emails: []string{"t1@x.example"}})
	e.dav.put("t2.vcf", card{Name: "Twin Two", Emails: []string{"t2@x.example"}})
	e.configure("keep")
	before := e.dav.cards()

	plan, err := e.engine.DryRun(e.ctx, e.id)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"link": 1, "create_in_portico": 1, "create_remote": 1, "ambiguous": 1, "unreadable": 0,
		"update_portico": 1, "update_remote": 1}
	if got := plan.Counts(); !equalCounts(got, want) {
		t.Fatalf("dry run counts %v, want %v", got, want)
	}
	if plan.Link[0].LocalID != ada || plan.Link[0].RemoteID != "ada.vcf" || plan.CreateRemote[0].LocalID != grace ||
		plan.CreateInPortico[0].RemoteID != "alan.vcf" || plan.Ambiguous[0].LocalIDs[0] != twin {
		t.Fatalf("plan %+v", plan)
	}
	if ids, _ := e.st.LiveContactIDs(e.ctx); len(ids) != 3 || len(e.dav.cards()) != len(before) {
		t.Fatalf("the dry run wrote: %d contacts, %d cards", len(ids), len(e.dav.cards()))
	}
	if links, _ := e.st.CRMLinks(e.ctx, e.id, 10, 0); len(links) != 0 {
		t.Fatalf("the dry run linked %d records", len(links))
	}

	if _, err := e.engine.Confirm(e.ctx, e.id); err != nil {
		t.Fatal(err)
	}
	c, _ := e.st.Contact(e.ctx, ada)
	if c.About != "First program" || len(c.Emails) != 1 {
		t.Errorf("Ada after the first sync: about %q, %d emails", c.About, len(c.Emails))
	}
	// Both sides had addresses: a conflict, the latest change (Portico's) kept.
	if cf, _ := e.st.CRMConflicts(e.ctx, e.id, 10); len(cf) != 1 || cf[0].Field != "emails" || cf[0].Kept != "portico" {
		t.Errorf("conflicts %+v, want Ada's emails kept from Portico", cf)
	}
	cards := e.dav.cards()
	if cards["ada.vcf"].Title != "Analyst" || len(cards["ada.vcf"].Emails) != 1 || len(cards) != 5 {
		t.Errorf("cards after the first sync: %d, ada %+v", len(cards), cards["ada.vcf"])
	}
	found := false
	for _, cd := range cards {
		found = found || slices.Contains(cd.Emails, "grace@navy.example")
	}
	if !found {
		t.Errorf("Grace was not created remotely: %+v", cards)
	}
	if ids, _ := e.st.LiveContactIDs(e.ctx); len(ids) != 4 {
		t.Errorf("%d contacts after the first sync, want 4 (Alan created)", len(ids))
	}
	if f, _ := e.st.CRMFailures(e.ctx, e.id, 10); len(f) != 3 || !f[0].Ambiguous {
		t.Errorf("failures %+v, want the twin and its two cards ambiguous", f)
	}
	again, err := e.engine.DryRun(e.ctx, e.id)
	if err != nil || len(again.Link)+len(again.CreateInPortico)+len(again.CreateRemote) != 0 {
		t.Errorf("linked records were matched again: %+v %v", again, err)
	}

	// Ambiguous records stay apart until a new first sync resolves them.
	if err := e.contacts.SetTags(e.ctx, e.agent, twin, "edited"); err != nil {
		t.Fatal(err)
	}
	e.dav.put("t1.vcf", card{Name: "Twin One", Emails: []string{"t1@x.example"}, Title: "Edited"})
	e.sync()
	if n := len(e.dav.cards()); n != 5 {
		t.Errorf("an ambiguous contact was pushed: %d cards", n)
	}
	if ids, _ := e.st.LiveContactIDs(e.ctx); len(ids) != 4 {
		t.Errorf("an ambiguous card was pulled: %d contacts", len(ids))
	}
	e.dav.remove("t2.vcf")
	if _, err := e.engine.Confirm(e.ctx, e.id); err != nil {
		t.Fatal(err)
	}
	if l, err := e.st.CRMLinkByLocal(e.ctx, e.id, "contact", twin); err != nil || l.RemoteID != "t1.vcf" {
		t.Errorf("the twin after the duplicate card went: %+v %v", l, err)
	}
	if f, _ := e.st.CRMFailures(e.ctx, e.id, 10); len(f) != 0 {
		t.Errorf("failures left: %+v", f)
	}
}

func equalCounts(a, b map[string]int) bool {
	for k, v := range b {
		if a[k] != v {
			return false
		}
	}
	return len(a) <= len(b)
}

func emailsOf(es []model.Email) []string {
	var out []string
	for _, e := range es {
		if e.Primary {
			out = append([]string{e.Address}, out...)
		} else {
			out = append(out, e.Address)
		}
	}
	return out
}

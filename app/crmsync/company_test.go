package crmsync_test

import (
	"testing"

	"github.com/portico-hub/portico/app/company"
)

func TestCompaniesMatchByNameOrDomainAndSyncBothWays(t *testing.T) {
	e := newEnv(t)
	engines, err := e.companies.Create(e.ctx, e.agent, company.Input{Name: "Analytical Engines", Domains: "engines.example"})
	if err != nil {
		t.Fatal(err)
	}
	lone, err := e.companies.Create(e.ctx, e.agent, company.Input{Name: "Lone Corp", Notes: "Only here"})
	if err != nil {
		t.Fatal(err)
	}
	e.rad.Seed("engines.vcf", "BEGIN:VCARD\nVERSION:4.0\nKIND:org\nUID:engines\nFN:Analytical Engines Ltd\nURL:https://www.engines.example/about\nNOTE:Makers of engines\nEND:VCARD")
	e.rad.Seed("babbage.vcf", "BEGIN:VCARD\nVERSION:4.0\nKIND:org\nUID:babbage\nFN:Babbage & Co\nURL:https://babbage.example\nEND:VCARD")
	e.configureFor("companies", "keep")
	plan, err := e.engine.DryRun(e.ctx, e.id)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Link) != 1 || plan.Link[0].LocalID != engines || plan.Link[0].RemoteID != "engines.vcf" ||
		len(plan.CreateInPortico) != 1 || plan.CreateInPortico[0].RemoteID != "babbage.vcf" ||
		len(plan.CreateRemote) != 1 || plan.CreateRemote[0].LocalID != lone {
		t.Fatalf("plan %+v", plan)
	}
	if _, err := e.engine.Confirm(e.ctx, e.id); err != nil {
		t.Fatal(err)
	}
	co, _ := e.st.Company(e.ctx, engines)
	if co.Notes != "Makers of engines" {
		t.Errorf("the matched company's notes: %q", co.Notes)
	}
	id, err := e.st.CompanyByName(e.ctx, "Babbage & Co")
	if err != nil {
		t.Fatalf("Babbage & Co was not created: %v", err)
	}
	if b, _ := e.st.Company(e.ctx, id); len(b.Domains) != 1 || b.Domains[0] != "babbage.example" {
		t.Errorf("Babbage's domains %v", b.Domains)
	}
	l, err := e.st.CRMLinkByLocal(e.ctx, e.id, "company", lone)
	if err != nil {
		t.Fatal(err)
	}
	if c := e.dav.get(l.RemoteID); c == nil || c.Value("KIND") != "org" || c.Value("NOTE") != "Only here" {
		t.Errorf("Lone Corp's card: %v", c)
	}

	in := company.Input{Name: "Analytical Engines", Domains: "engines.example, engines.example.org", Notes: "Makers of engines"}
	if err := e.companies.Update(e.ctx, e.agent, engines, in); err != nil {
		t.Fatal(err)
	}
	e.dav.put("babbage.vcf", card{Name: "Babbage and Company", Note: "Renamed remotely"})
	e.sync()
	if urls := e.dav.get("engines.vcf").Values("URL"); len(urls) != 2 {
		t.Errorf("the card's web sites after a domain was added in Portico: %v", urls)
	}
	if b, _ := e.st.Company(e.ctx, id); b.Name != "Babbage and Company" || b.Notes != "Renamed remotely" || len(b.Domains) != 1 {
		t.Errorf("Babbage after the remote edit: %+v", b)
	}
	e.dav.remove("babbage.vcf")
	e.sync()
	if _, err := e.st.Company(e.ctx, id); err != nil {
		t.Errorf("a remote delete deleted the company: %v", err)
	}
	if l, _ := e.st.CRMLinkByLocal(e.ctx, e.id, "company", id); l == nil || l.State != "remote_deleted" {
		t.Errorf("Babbage's link after the remote delete: %+v", l)
	}
}

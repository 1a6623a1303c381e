package crmsync_test

import (
	"testing"

	"github.com/portico-hub/portico/app/events"
)

func TestARecordPorticoRefusesIsAFailureUntilRetriedWhenFixed(t *testing.T) {
	e, ada := running(t, "keep")
	if err := e.contacts.AddEmail(e.ctx, e.agent, ada, "ada@home.example"); err != nil {
		t.Fatal(err)
	}
	e.sync()
	e.dav.put("bob.vcf", card{Name: "Bob", Emails: []string{"ada@home.example"}})
	e.dav.put("eve.vcf", card{Name: "Eve", Emails: []string{"eve@example.org"}})
	e.sync()
	f, _ := e.st.CRMFailures(e.ctx, e.id, 10)
	if len(f) != 1 || f[0].RemoteID != "bob.vcf" || f[0].Direction != "in" {
		t.Fatalf("failures %+v, want Bob's address refused", f)
	}
	if ov, _ := e.engine.Overview(e.ctx, e.id); ov.Links["linked"] != 2 || len(ov.Failures) != 1 {
		t.Errorf("overview: %d linked, %d failures; want Eve linked besides Ada, Bob failed", ov.Links["linked"], len(ov.Failures))
	}
	c, _ := e.st.Contact(e.ctx, ada)
	for _, em := range c.Emails {
		if em.Address == "ada@home.example" {
			if err := e.st.RemoveEmail(e.ctx, e.agent, ada, em.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	e.sync() // Ada's change goes out; Bob is not pulled again, nothing changed on his card
	if err := e.engine.Retry(e.ctx, e.id, f[0].ID); err != nil {
		t.Fatal(err)
	}
	if f, _ := e.st.CRMFailures(e.ctx, e.id, 10); len(f) != 0 {
		t.Errorf("after the retry: failures %+v", f)
	}
	if l, err := e.st.CRMLinkByRemote(e.ctx, e.id, "contact", "bob.vcf"); err != nil || l.State != "linked" {
		t.Errorf("Bob after the retry: %+v %v", l, err)
	}
}

func TestAChangePulledTwiceIsAppliedOnce(t *testing.T) {
	e, ada := running(t, "keep")
	old, _ := e.st.CRMConnector(e.ctx, e.id)
	e.dav.put("ada.vcf", card{Name: "Ada Lovelace", Emails: []string{"ada@engines.example"}, Title: "Countess"})
	e.sync()
	events := e.eventCount()
	if err := e.st.SetCRMPullCursor(e.ctx, e.id, old.PullCursor, 0); err != nil {
		t.Fatal(err)
	}
	e.sync()
	if n := e.eventCount(); n != events {
		t.Errorf("the change pulled again was applied again: %d events, was %d", n, events)
	}
	if c, _ := e.st.Contact(e.ctx, ada); c.JobTitle != "Countess" {
		t.Errorf("title %q", c.JobTitle)
	}
}

func TestAWriteMeetingANewerRemoteVersionMergesBothChanges(t *testing.T) {
	e, ada := running(t, "keep")
	e.setTitle(ada, "Engineer")
	e.dav.put("ada.vcf", card{Name: "Ada Lovelace", Emails: []string{"ada@engines.example"}, Title: "Analyst", Note: "Met at the fair"})
	if err := e.engine.PushNow(e.ctx, e.id); err != nil {
		t.Fatal(err)
	}
	cd := e.dav.cards()["ada.vcf"]
	c, _ := e.st.Contact(e.ctx, ada)
	if cd.Title != "Engineer" || cd.Note != "Met at the fair" || c.About != "Met at the fair" || c.JobTitle != "Engineer" {
		t.Errorf("after the 412 and the merge: card %+v, contact title %q about %q", cd, c.JobTitle, c.About)
	}
	if cf, _ := e.st.CRMConflicts(e.ctx, e.id, 10); len(cf) != 0 {
		t.Errorf("different fields changed on each side are no conflict: %+v", cf)
	}
}

func TestTheConnectorsWritesTravelInTheBulkLane(t *testing.T) {
	e, _ := running(t, "keep")
	before, _ := e.st.LastEventPosition(e.ctx)
	e.dav.put("ada.vcf", card{Name: "Ada King", Emails: []string{"ada@engines.example"}, Title: "Analyst"})
	e.sync()
	evs, _ := e.st.EventsAfter(e.ctx, before, 100)
	if len(evs) == 0 {
		t.Fatal("the pull wrote no event")
	}
	for _, ev := range evs {
		if ev.Lane != events.LaneBulk {
			t.Errorf("%s in lane %q", ev.Type, ev.Lane)
		}
	}
	if ov, _ := e.engine.Overview(e.ctx, e.id); ov.Status != "running" || ov.NextRunAt == nil {
		t.Errorf("overview %+v", ov)
	}
}

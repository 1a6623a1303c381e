package crmsync_test

import (
	"testing"

	"github.com/portico-hub/portico/app/contact"
)

// running is an env whose first sync linked Ada both ways.
func running(t *testing.T, deletes string) (*env, int64) {
	e := newEnv(t)
	ada := e.create(contact.Input{Name: "Ada Lovelace", Emails: []string{"ada@engines.example"}, JobTitle: "Analyst"})
	e.dav.put("ada.vcf", card{Name: "Ada Lovelace", Emails: []string{"ada@engines.example"}, Title: "Analyst"})
	e.configure(deletes)
	if _, err := e.engine.Confirm(e.ctx, e.id); err != nil {
		t.Fatal(err)
	}
	return e, ada
}

// eventsAfter counts the events committed after position.
func (e *env) eventCount() int {
	e.t.Helper()
	evs, err := e.st.EventsAfter(e.ctx, 0, 100000)
	if err != nil {
		e.t.Fatal(err)
	}
	return len(evs)
}

func TestPullAppliesARemoteEditOnceAndDoesNotPushItBack(t *testing.T) {
	e, ada := running(t, "keep")
	e.dav.put("ada.vcf", card{Name: "Ada King", Emails: []string{"ada@engines.example"}, Title: "Countess", Tags: []string{"vip"}})
	e.sync()
	c, _ := e.st.Contact(e.ctx, ada)
	if c.Name != "Ada King" || c.JobTitle != "Countess" || len(c.Tags) != 1 {
		t.Fatalf("after the pull: %+v", c)
	}
	etag := e.dav.get("ada.vcf").Value("X-PORTICO-CHANGE")
	events, updated := e.eventCount(), c.UpdatedAt
	e.sync()
	e.sync()
	again, _ := e.st.Contact(e.ctx, ada)
	if n := e.eventCount(); n != events || !again.UpdatedAt.Equal(updated) {
		t.Errorf("syncing again changed Portico: %d events, was %d", n, events)
	}
	if now := e.dav.get("ada.vcf").Value("X-PORTICO-CHANGE"); now != etag {
		t.Errorf("the pulled change was pushed back: the card was written by Portico (%q, was %q)", now, etag)
	}
	if conn, _ := e.st.CRMConnector(e.ctx, e.id); conn.Pulled != 1 || conn.Pushed != 0 {
		t.Errorf("counts in %d out %d, want 1 and 0", conn.Pulled, conn.Pushed)
	}
}

func TestPushSendsAPorticoEditAndDoesNotApplyItBack(t *testing.T) {
	e, ada := running(t, "keep")
	c, _ := e.st.Contact(e.ctx, ada)
	in := contact.InputOf(c.Fields())
	in.JobTitle, in.Phone = "Engineer", "+44 20 7946 0001"
	if err := e.contacts.Update(e.ctx, e.agent, ada, in); err != nil {
		t.Fatal(err)
	}
	e.sync()
	cd := e.dav.cards()["ada.vcf"]
	if cd.Title != "Engineer" || cd.Phone != "+44 20 7946 0001" {
		t.Fatalf("card after the push: %+v", cd)
	}
	events := e.eventCount()
	e.sync()
	if n := e.eventCount(); n != events {
		t.Errorf("the pushed change came back into Portico: %d events, was %d", n, events)
	}
	if conn, _ := e.st.CRMConnector(e.ctx, e.id); conn.Pushed != 1 || conn.Pulled != 0 {
		t.Errorf("counts in %d out %d, want 0 and 1", conn.Pulled, conn.Pushed)
	}
}

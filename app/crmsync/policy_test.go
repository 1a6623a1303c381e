package crmsync_test

import (
	"testing"
	"time"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/crmsync"
)

func (e *env) setTitle(id int64, title string) {
	e.t.Helper()
	c, err := e.st.Contact(e.ctx, id)
	if err != nil {
		e.t.Fatal(err)
	}
	in := contact.InputOf(c.Fields())
	in.JobTitle = title
	if err := e.contacts.Update(e.ctx, e.agent, id, in); err != nil {
		e.t.Fatal(err)
	}
}

func TestAFieldBothSidesChangedFollowsItsRule(t *testing.T) {
	for _, tc := range []struct{ rule, want, kept string }{
		{crmsync.PreferRemote, "Remote title", "remote"},
		{crmsync.PreferPortico, "Portico title", "portico"},
		{crmsync.LatestWins, "Remote title", "remote"},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			e, ada := running(t, "keep")
			schema, err := e.host.DescribeRemote(e.ctx, e.id)
			if err != nil {
				t.Fatal(err)
			}
			maps := crmsync.DefaultMapping(schema)
			for i := range maps {
				maps[i].Rule = tc.rule
			}
			if err := e.engine.Configure(e.ctx, e.id, crmsync.Settings{Objects: "contacts", RemoteDelete: "flag",
				PorticoDelete: "keep", Mapping: maps}); err != nil {
				t.Fatal(err)
			}
			e.setTitle(ada, "Portico title")
			time.Sleep(1100 * time.Millisecond) // a vCard's REV counts whole seconds
			e.dav.put("ada.vcf", card{Name: "Ada Lovelace", Emails: []string{"ada@engines.example"}, Title: "Remote title"})
			e.sync()
			c, _ := e.st.Contact(e.ctx, ada)
			if cd := e.dav.cards()["ada.vcf"]; c.JobTitle != tc.want || cd.Title != tc.want {
				t.Errorf("Portico %q, remote %q, want both %q", c.JobTitle, cd.Title, tc.want)
			}
			cf, _ := e.st.CRMConflicts(e.ctx, e.id, 10)
			if len(cf) != 1 || cf[0].Field != "job_title" || cf[0].Kept != tc.kept || cf[0].Rule != tc.rule {
				t.Errorf("conflicts %+v", cf)
			}
		})
	}
}

func TestARemoteDeleteUnlinksAndFlagsTheContact(t *testing.T) {
	e, ada := running(t, "delete")
	e.dav.remove("ada.vcf")
	e.sync()
	c, err := e.st.Contact(e.ctx, ada)
	if err != nil || c.DeletedAt != nil {
		t.Fatalf("the contact was deleted with the card: %+v %v", c, err)
	}
	links, _ := e.st.CRMLinksOf(e.ctx, "contact", ada)
	if len(links) != 1 || links[0].State != "remote_deleted" {
		t.Fatalf("links %+v, want one remote_deleted", links)
	}
	e.setTitle(ada, "Still here")
	e.sync()
	if n := len(e.dav.cards()); n != 0 {
		t.Errorf("a flagged contact's edit recreated %d cards", n)
	}
}

func TestAPorticoDeleteReachesTheRemoteOnlyWhenAllowed(t *testing.T) {
	for _, policy := range []string{"keep", "delete"} {
		t.Run(policy, func(t *testing.T) {
			e, ada := running(t, policy)
			if err := e.contacts.ChangeState(e.ctx, e.agent, ada, "deleted"); err != nil {
				t.Fatal(err)
			}
			e.sync()
			_, kept := e.dav.cards()["ada.vcf"]
			if kept != (policy == "keep") {
				t.Errorf("policy %s: card kept %v", policy, kept)
			}
			links, _ := e.st.CRMLinksOf(e.ctx, "contact", ada)
			if len(links) != 1 || links[0].State != "deleted" {
				t.Errorf("links %+v, want one ended", links)
			}
		})
	}
}

func TestAPausedConnectorKeepsItsChangesUntilResumed(t *testing.T) {
	e, ada := running(t, "keep")
	if err := e.engine.Pause(e.ctx, e.id); err != nil {
		t.Fatal(err)
	}
	before, _ := e.st.CRMConnector(e.ctx, e.id)
	e.setTitle(ada, "While paused")
	e.sync()
	after, _ := e.st.CRMConnector(e.ctx, e.id)
	if cd := e.dav.cards()["ada.vcf"]; cd.Title != "Analyst" || after.PushPosition != before.PushPosition {
		t.Fatalf("a paused connector pushed: title %q, position %d → %d", cd.Title, before.PushPosition, after.PushPosition)
	}
	if err := e.engine.Unpause(e.ctx, e.id); err != nil {
		t.Fatal(err)
	}
	e.sync()
	if cd := e.dav.cards()["ada.vcf"]; cd.Title != "While paused" {
		t.Errorf("after resuming, the card's title is %q", cd.Title)
	}
}

func TestARejectedCursorResyncsWithoutChangingRecordsInStep(t *testing.T) {
	e, ada := running(t, "keep")
	e.dav.put("alan.vcf", card{Name: "Alan Turing", Emails: []string{"alan@bletchley.example"}})
	e.sync()
	if err := e.st.SetCRMPullCursor(e.ctx, e.id, `{"token":"http://radicale.org/ns/sync/bogus"}`, 0); err != nil {
		t.Fatal(err)
	}
	events, cards := e.eventCount(), e.dav.cards()
	e.sync()
	if n := e.eventCount(); n != events {
		t.Errorf("a full resync changed Portico: %d events, was %d", n, events)
	}
	if now := e.dav.cards(); len(now) != len(cards) || now["ada.vcf"].Title != cards["ada.vcf"].Title {
		t.Errorf("a full resync changed the remote: %d cards, was %d", len(now), len(cards))
	}
	conn, _ := e.st.CRMConnector(e.ctx, e.id)
	if conn.PullCursor == `{"token":"http://radicale.org/ns/sync/bogus"}` || conn.LastError != "" {
		t.Errorf("after the resync: cursor %q, error %q", conn.PullCursor, conn.LastError)
	}
	if links, _ := e.st.CRMLinksOf(e.ctx, "contact", ada); len(links) != 1 || links[0].State != "linked" {
		t.Errorf("Ada's link after the resync: %+v", links)
	}
}

func TestAnOutageBacksOffAndTheChangesGoOutAfterIt(t *testing.T) {
	e, ada := running(t, "keep")
	e.rad.Stop()
	e.setTitle(ada, "During the outage")
	if err := e.engine.SyncNow(e.ctx, e.id); err == nil {
		t.Fatal("a sync with the server down succeeded")
	}
	conn, _ := e.st.CRMConnector(e.ctx, e.id)
	if conn.LastError == "" || conn.BackoffUntil == nil || conn.Outages != 1 {
		t.Fatalf("after the outage: %+v", conn)
	}
	e.rad.Start()
	if err := e.engine.Resume(e.ctx, e.id); err != nil {
		t.Fatal(err)
	}
	e.sync()
	if cd := e.dav.cards()["ada.vcf"]; cd.Title != "During the outage" {
		t.Errorf("after the outage, the card's title is %q", cd.Title)
	}
}

func TestAMergeDeletesTheMergedAwayCardOnlyWhenAllowed(t *testing.T) {
	for _, policy := range []string{"keep", "delete"} {
		t.Run(policy, func(t *testing.T) {
			e, ada := running(t, policy)
			dup := e.create(contact.Input{Name: "Ada L.", Emails: []string{"ada@home.example"}})
			e.sync()
			dupLink, err := e.st.CRMLinkByLocal(e.ctx, e.id, "contact", dup)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := e.contacts.Merge(e.ctx, e.agent, []int64{ada, dup}, ada, nil); err != nil {
				t.Fatal(err)
			}
			e.sync()
			cards := e.dav.cards()
			if _, kept := cards[dupLink.RemoteID]; kept != (policy == "keep") {
				t.Errorf("policy %s: the merged-away card kept %v", policy, kept)
			}
			if got := cards["ada.vcf"].Emails; len(got) != 2 {
				t.Errorf("the kept card's addresses after the merge: %v", got)
			}
		})
	}
}

package crmsync_test

import (
	"slices"
	"strings"
	"time"
)

// settle brings the server back and syncs until a sync changes nothing on
// either side.
func (w *world) settle() {
	if w.down {
		w.e.rad.Start()
		w.down = false
	}
	quiet, failed := 0, 0
	for i := 0; i < 10 && quiet < 2; i++ {
		before, pushed := w.e.eventCount(), w.pushed()
		w.e.engine.Resume(w.e.ctx, w.e.id)
		if err := w.e.engine.SyncNow(w.e.ctx, w.e.id); err != nil {
			// A crashed plugin is started again after a backoff: a failed
			// run waits for it and does not count, up to a limit.
			w.t.Logf("settling: %v", err)
			quiet = 0
			if failed++; failed < 60 {
				i--
				time.Sleep(250 * time.Millisecond)
			}
			continue
		}
		if w.e.eventCount() == before && w.pushed() == pushed {
			quiet++
		} else {
			quiet = 0
		}
	}
	if quiet < 2 {
		w.t.Fatal("the sync did not settle after 10 runs")
	}
}

func (w *world) pushed() int64 {
	c, err := w.e.st.CRMConnector(w.e.ctx, w.e.id)
	if err != nil {
		w.t.Fatal(err)
	}
	return c.Pushed
}

// check compares the two sides: each live contact is linked to a card
// with the same fields, or flagged because its card was deleted; each
// card is linked to a live contact; no address is on two cards.
func (w *world) check() {
	cards := w.e.dav.cards()
	linked := w.checkCompanies(cards)
	for _, c := range w.liveContacts() {
		l, err := w.e.st.CRMLinkByLocal(w.e.ctx, w.e.id, "contact", c.ID)
		if err != nil {
			w.t.Errorf("contact %d %q has no link: %v", c.ID, c.Name, err)
			continue
		}
		cd, ok := cards[l.RemoteID]
		ok = ok && !cd.Org
		switch {
		case l.State == "remote_deleted" && ok:
			w.t.Errorf("contact %d is flagged as deleted remotely, but its card %s is there", c.ID, l.RemoteID)
		case l.State == "remote_deleted":
		case l.State != "linked" || !ok:
			w.t.Errorf("contact %d %q: link %s to %s, card there %v", c.ID, c.Name, l.State, l.RemoteID, ok)
		default:
			linked[l.RemoteID] = true
			if got, want := cardOfContact(c.Name, c.Phone, c.JobTitle, c.About, emailsOf(c.Emails), c.Tags), norm(cd); !equalCards(got, want) {
				w.t.Errorf("contact %d and card %s differ:\nPortico %#v\nremote  %#v", c.ID, l.RemoteID, got, want)
			}
		}
	}
	seen := map[string]string{}
	for name, cd := range cards {
		if !linked[name] {
			l, err := w.e.st.CRMLinkByRemote(w.e.ctx, w.e.id, map[bool]string{true: "company", false: "contact"}[cd.Org], name)
			w.t.Errorf("card %s %q is linked to no live record: %+v %v", name, cd.Name, l, err)
		}
		for _, e := range cd.Emails {
			if other, dup := seen[strings.ToLower(e)]; dup {
				w.t.Errorf("%s is on cards %s and %s", e, other, name)
			}
			seen[strings.ToLower(e)] = name
		}
	}
	if f, _ := w.e.st.CRMFailures(w.e.ctx, w.e.id, 20); len(f) > 0 {
		w.t.Errorf("failures left: %+v", f)
	}
}

func cardOfContact(name, phone, title, about string, emails, tags []string) card {
	return norm(card{Name: name, Phone: phone, Title: title, Note: about, Emails: emails, Tags: tags})
}

func norm(c card) card {
	c.Tags = slices.Clone(c.Tags)
	slices.SortFunc(c.Tags, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return c
}

func equalCards(a, b card) bool {
	return a.Name == b.Name && a.Phone == b.Phone && a.Title == b.Title && a.Note == b.Note &&
		slices.Equal(a.Emails, b.Emails) && slices.Equal(a.Tags, b.Tags)
}

package crmsync_test

import (
	"context"
	"testing"
	"time"
)

// TestPorticoChangesGoOutAsTheyCommit runs the push loops and edits a
// contact: its card follows without anyone syncing; SyncAll brings a
// remote edit in.
func TestPorticoChangesGoOutAsTheyCommit(t *testing.T) {
	e, ada := running(t, "keep")
	ctx, cancel := context.WithCancel(e.ctx)
	done := make(chan struct{})
	go func() { e.engine.Watch(ctx, time.Minute); close(done) }()
	defer func() { cancel(); <-done }()
	e.setTitle(ada, "Pushed by the loop")
	deadline := time.Now().Add(20 * time.Second)
	for e.dav.cards()["ada.vcf"].Title != "Pushed by the loop" {
		if time.Now().After(deadline) {
			t.Fatalf("the card's title is still %q", e.dav.cards()["ada.vcf"].Title)
		}
		time.Sleep(100 * time.Millisecond)
	}
	e.dav.put("ada.vcf", card{Name: "Ada Lovelace", Emails: []string{"ada@engines.example"}, Title: "Pulled by the schedule"})
	e.engine.SyncAll(e.ctx)
	if c, _ := e.st.Contact(e.ctx, ada); c.JobTitle != "Pulled by the schedule" {
		t.Errorf("after SyncAll the title is %q", c.JobTitle)
	}
}

package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"syscall"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

func TestAnUnreadableCardIsAnErrorChangeAndThePullGoesOn(t *testing.T) {
	r := seeded(t)
	// Radicale refuses cards without FN, but keeps one whose FN is empty.
	r.seed("contacts", "empty.vcf", "BEGIN:VCARD\nVERSION:3.0\nUID:empty\nFN:\nEMAIL:who@example.org\nEND:VCARD")
	// Two files with one UID, as a careless import leaves them.
	r.seed("contacts", "twin1.vcf", "BEGIN:VCARD\nVERSION:3.0\nUID:twin\nFN:Twin One\nEND:VCARD")
	r.seed("contacts", "twin2.vcf", "BEGIN:VCARD\nVERSION:3.0\nUID:twin\nFN:Twin Two\nEND:VCARD")
	p, ref := startPlugin(t, buildPlugin(t), r, "contacts")
	got := byID(mustPullOnly(t, p, ref, ""))
	if len(got) != 9 {
		t.Fatalf("got %d changes, want all 9 cards", len(got))
	}
	if c := got["empty.vcf"]; !strings.Contains(c.Error, "empty FN") || c.Record.Contact != nil {
		t.Errorf("the nameless card: %+v", c)
	}
	if got["twin1.vcf"].Record.Contact.Name != "Twin One" || got["twin2.vcf"].Record.Contact.Name != "Twin Two" {
		t.Errorf("cards sharing a UID must stay two records: %+v %+v", got["twin1.vcf"], got["twin2.vcf"])
	}
}

func TestEveryWriteMeeting412IsAConflictAndOverwritesNothing(t *testing.T) {
	r := seeded(t)
	p, ref := startPlugin(t, buildPlugin(t), r, "contacts")
	old := byID(mustPullOnly(t, p, ref, ""))
	// Another client rewrites every card after the host's pull.
	for _, n := range []string{"p1", "p2", "p3"} {
		r.do("PUT", "contacts", n+".vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:"+n+"\r\nFN:Edited "+n+"\r\nEND:VCARD\r\n", nil)
	}
	var changes []sdk.Change
	for _, n := range []string{"p1", "p2", "p3"} {
		changes = append(changes, sdk.Change{Op: sdk.OpUpsert, RemoteID: n + ".vcf", BaseVersion: old[n+".vcf"].Version,
			IdempotencyKey: "k-" + n, Values: map[string][]string{"fn": {"Portico " + n}}})
	}
	for i, res := range sdktest.Push(t, p, ref, changes...) {
		if res.Status != sdk.PushConflict || res.Current == nil || !strings.HasPrefix(res.Current.Record.Contact.Name, "Edited") {
			t.Errorf("write %d: %+v", i, res)
		}
	}
	if c := r.raw(t, "p1.vcf"); !strings.Contains(c, "FN:Edited p1") {
		t.Errorf("a conflicting write overwrote the card:\n%s", c)
	}
}

func TestAChangedPasswordIsUnauthorized(t *testing.T) {
	r := seeded(t)
	p, ref := startPlugin(t, buildPlugin(t), r, "contacts")
	r.setPassword("changed-by-the-admin")
	_, err := pull(t, p, ref, "", 100)
	if !errors.Is(err, &sdk.Error{Kind: sdk.ErrUnauthorized}) || !strings.Contains(err.Error(), `refused the password of user "alice"`) {
		t.Errorf("pull: %v", err)
	}
	res := sdktest.Push(t, p, ref, sdk.Change{Op: sdk.OpUpsert, IdempotencyKey: "k", Record: grace})
	if res[0].Status != sdk.PushUnauthorized || !strings.Contains(res[0].Message, "enter the new one") {
		t.Errorf("push: %+v", res[0])
	}
	if h, err := p.CheckHealth(context.Background(), ref); err != nil || h.OK || !strings.Contains(h.Message, "401") {
		t.Errorf("health: %+v %v", h, err)
	}
}

func TestAServerDownIsTemporary(t *testing.T) {
	r := seeded(t)
	p, ref := startPlugin(t, buildPlugin(t), r, "contacts")
	_, cursor := mustPull(t, p, ref, "", 100)
	r.stop()
	_, err := pull(t, p, ref, cursor, 100)
	var ce *host.CallError
	if !errors.As(err, &ce) || ce.Kind != sdk.ErrUnreachable || ce.RetryAfter <= 0 {
		t.Errorf("pull: want unreachable with a retry hint, got %v", err)
	}
	res := sdktest.Push(t, p, ref, sdk.Change{Op: sdk.OpUpsert, IdempotencyKey: "k", Record: grace})
	if res[0].Status != sdk.PushTemporary || res[0].RetryAfter <= 0 {
		t.Errorf("push: %+v", res[0])
	}
	r.start()
	if _, err := pull(t, p, ref, cursor, 100); err != nil {
		t.Errorf("once the server is back the same cursor works: %v", err)
	}
}

func TestAPluginCrashMidPullLosesNothing(t *testing.T) {
	r := seeded(t)
	// Enough cards that the plugin is still sending (gRPC's flow control
	// holds it) when it is killed after the first batch.
	for i := range 500 {
		n := fmt.Sprintf("bulk%03d", i)
		r.seed("contacts", n+".vcf", "BEGIN:VCARD\nVERSION:3.0\nUID:"+n+"\nFN:Bulk "+n+"\nNOTE:"+strings.Repeat("x", 400)+"\nEND:VCARD")
	}
	dir := buildPlugin(t)
	p, ref := startPlugin(t, dir, r, "contacts")
	var stored []sdk.ChangeBatch
	err := p.Pull(context.Background(), host.PullRequest{Ref: ref, BatchSize: 2}, func(b sdk.ChangeBatch) error {
		stored = append(stored, b) // the host stores the batch with its cursor
		if len(stored) == 1 {
			syscall.Kill(p.Pid(), syscall.SIGKILL)
		}
		return nil
	})
	var ce *host.CallError
	if !errors.As(err, &ce) || !ce.Exited {
		t.Fatalf("want the pull to fail saying the plugin exited, got %v", err)
	}
	p2, ref2 := startPlugin(t, dir, r, "contacts")
	rest, _ := mustPull(t, p2, ref2, stored[len(stored)-1].Cursor, 2)
	all := byID(append(stored, rest...))
	if len(all) != 506 || len(flat(stored))+len(flat(rest)) != 506 {
		t.Errorf("after the restart: %d distinct of %d changes, want each of the 506 cards once", len(all), len(flat(stored))+len(flat(rest)))
	}
}

func flat(bs []sdk.ChangeBatch) []sdk.Change {
	var out []sdk.Change
	for _, b := range bs {
		out = append(out, b.Changes...)
	}
	return out
}

package sdktest_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

// ledger is a tiny CRM kept in memory: every write bumps a global
// revision, which is also the cursor and the records' version.
type ledger struct {
	mu      sync.Mutex
	rev     int
	records map[string]entry
}

type entry struct {
	rev     int
	name    string
	deleted bool
}

func (l *ledger) CheckHealth(context.Context) (string, error) { return "ledger", nil }

func (l *ledger) DescribeRemote(context.Context) (sdk.RemoteSchema, error) {
	return sdk.RemoteSchema{Objects: []sdk.RemoteObject{{Name: sdk.ObjectContact, Writable: true, PullsDeletes: true,
		LookupBy: []string{"name"}, Fields: []sdk.RemoteField{{Name: "name", Type: "text", DefaultTarget: "name"}}}}}, nil
}

func (l *ledger) Pull(_ context.Context, req sdk.PullRequest, w *sdk.ChangeWriter) error {
	l.mu.Lock()
	since, err := strconv.Atoi(req.Cursor)
	if req.Cursor != "" && (err != nil || since > l.rev) {
		l.mu.Unlock()
		return sdk.InvalidCursor("no such revision " + req.Cursor)
	}
	var changes []sdk.Change
	for id, e := range l.records {
		if e.rev > since {
			changes = append(changes, l.change(id, e))
		}
	}
	rev := l.rev
	l.mu.Unlock()
	return w.Send(sdk.ChangeBatch{Changes: changes, Cursor: strconv.Itoa(rev), Snapshot: req.Cursor == ""})
}

func (l *ledger) change(id string, e entry) sdk.Change {
	c := sdk.Change{Op: sdk.OpUpsert, Object: sdk.ObjectContact, RemoteID: id, Version: strconv.Itoa(e.rev),
		ModifiedAt: time.Unix(int64(e.rev), 0), Values: map[string][]string{"name": {e.name}},
		Record: sdk.Record{Contact: &sdk.Contact{ExternalID: id, Name: e.name}}}
	if e.deleted {
		c = sdk.Change{Op: sdk.OpDelete, Object: sdk.ObjectContact, RemoteID: id}
	}
	return c
}

func (l *ledger) Push(_ context.Context, changes []sdk.Change) ([]sdk.PushResult, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]sdk.PushResult, len(changes))
	for i, c := range changes {
		id := c.RemoteID
		if id == "" {
			id = c.IdempotencyKey
		}
		cur, ok := l.records[id]
		switch {
		case c.RemoteID != "" && !ok:
			out[i] = sdk.PushResult{Status: sdk.PushNotFound}
		case ok && strconv.Itoa(cur.rev) != c.BaseVersion:
			cc := l.change(id, cur)
			out[i] = sdk.PushResult{Status: sdk.PushConflict, CurrentVersion: cc.Version, Current: &cc}
		default:
			l.rev++
			l.records[id] = entry{rev: l.rev, name: c.Values["name"][0], deleted: c.Op == sdk.OpDelete}
			out[i] = sdk.PushResult{Status: sdk.PushOK, RemoteID: id, NewVersion: strconv.Itoa(l.rev)}
		}
	}
	return out, nil
}

func (l *ledger) Lookup(_ context.Context, qs []sdk.LookupQuery) ([][]sdk.Change, error) {
	out := make([][]sdk.Change, len(qs))
	for i, q := range qs {
		for id, e := range l.records {
			if strings.EqualFold(e.name, q.Name) && !e.deleted {
				out[i] = append(out[i], l.change(id, e))
			}
		}
	}
	return out, nil
}

var ledgerPlugin = sdk.Plugin{
	Info: sdk.Info{ID: "ledger", Version: "1.0.0", Kinds: []sdk.Kind{sdk.KindCRMSync}, Capabilities: []string{sdk.CapCRMLookup}},
	Configure: func(context.Context, sdk.Config) (sdk.Instance, error) {
		return &ledger{records: map[string]entry{}}, nil
	},
}

func upsert(key, id, base, name string) sdk.Change {
	return sdk.Change{Op: sdk.OpUpsert, Object: sdk.ObjectContact, RemoteID: id, BaseVersion: base,
		IdempotencyKey: key, Values: map[string][]string{"name": {name}}}
}

func TestCRMSyncRoundTripsThroughTheHost(t *testing.T) {
	h := sdktest.Start(t, ledgerPlugin)
	ref := sdktest.Configure(t, h, "a", `{}`, nil)
	schema, err := h.DescribeRemote(context.Background(), ref)
	if err != nil || len(schema.Objects) != 1 || schema.Objects[0].Fields[0].DefaultTarget != "name" || !schema.Objects[0].Writable {
		t.Fatalf("schema %+v, %v", schema, err)
	}
	created := sdktest.Push(t, h, ref, upsert("k1", "", "", "Ada"), upsert("k2", "", "", "Grace"))
	if created[0].Status != sdk.PushOK || created[1].RemoteID != "k2" || created[1].NewVersion != "2" {
		t.Fatalf("creates: %+v", created)
	}
	full := sdktest.PullAll(t, h, ref, "", 0)
	if len(full) != 1 || !full[0].Snapshot || len(full[0].Changes) != 2 || full[0].Cursor != "2" {
		t.Fatalf("full pull: %+v", full)
	}
	if c := full[0].Changes[0]; c.Record.Contact == nil || c.ModifiedAt.IsZero() || len(c.Values["name"]) != 1 {
		t.Errorf("a pulled change lost its record, time or values: %+v", c)
	}
	res := sdktest.Push(t, h, ref, upsert("k3", "k1", "1", "Ada L."), upsert("k4", "k2", "1", "G."),
		sdk.Change{Op: sdk.OpDelete, Object: sdk.ObjectContact, RemoteID: "nobody", IdempotencyKey: "k5"})
	if res[0].Status != sdk.PushOK || res[1].Status != sdk.PushConflict || res[1].CurrentVersion != "2" ||
		res[1].Current == nil || res[1].Current.Values["name"][0] != "Grace" || res[2].Status != sdk.PushNotFound {
		t.Fatalf("update, stale update, missing delete: %+v", res)
	}
	next := sdktest.PullAll(t, h, ref, "2", 0)
	if len(next[0].Changes) != 1 || next[0].Snapshot || next[0].Changes[0].Version != res[0].NewVersion {
		t.Errorf("incremental pull: %+v; want only the update, with the version Push returned", next)
	}
}

func TestCRMSyncErrorsAndLookupReachTheHost(t *testing.T) {
	h := sdktest.Start(t, ledgerPlugin)
	ref := sdktest.Configure(t, h, "a", `{}`, nil)
	err := h.Pull(context.Background(), hostPull(ref, "99"), func(sdk.ChangeBatch) error { return nil })
	if !errors.Is(err, &sdk.Error{Kind: sdk.ErrInvalidCursor}) {
		t.Fatalf("want invalid_cursor, got %v", err)
	}
	sdktest.Push(t, h, ref, upsert("k1", "", "", "Ada"))
	found, err := h.Lookup(context.Background(), ref, []sdk.LookupQuery{{Object: sdk.ObjectContact, Name: "ada"}, {Name: "nobody"}})
	if err != nil || len(found) != 2 || len(found[0]) != 1 || found[0][0].RemoteID != "k1" || len(found[1]) != 0 {
		t.Fatalf("lookup: %+v, %v", found, err)
	}
}

func hostPull(ref host.Ref, cursor string) host.PullRequest {
	return host.PullRequest{Ref: ref, Cursor: cursor}
}

package crmsync

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
)

// writeRemote pushes the fields that differ: a create when the record has
// no remote yet, an update with the version last seen otherwise. With
// nothing to write it answers as the remote stands.
func (r *run) writeRemote(ctx context.Context, s side, fields []string) (sdk.PushResult, bool, error) {
	ch := sdk.Change{Op: sdk.OpUpsert, Object: s.obj.kind()}
	switch {
	case s.remote != nil:
		ch.RemoteID, ch.BaseVersion = s.remote.RemoteID, s.remote.Version
	case s.link != nil:
		ch.RemoteID, ch.BaseVersion = s.link.RemoteID, s.link.RemoteVersion
	}
	if len(fields) == 0 && ch.RemoteID != "" {
		return sdk.PushResult{Status: sdk.PushOK, RemoteID: ch.RemoteID, NewVersion: ch.BaseVersion}, false, nil
	}
	ch.Values = toRemote(r.maps[s.obj.kind()], s.rec.V, fields)
	ch.IdempotencyKey = r.key(s.rec.ID, ch)
	res, err := r.e.Plugins.Push(ctx, r.conn.InstanceID, []sdk.Change{ch})
	if err != nil {
		return res0(res), false, &outage{err: err, after: retryAfter(err)}
	}
	if o := asOutage(res[0]); o != nil {
		return res[0], false, o
	}
	return res[0], true, nil
}

// key is a write's idempotency key: a create's is stable per contact, so
// a retried create finds its card; an update's names the version it
// starts from and what it writes, so a retry is recognised and a new
// change is not taken for it.
func (r *run) key(id int64, ch sdk.Change) string {
	if ch.RemoteID == "" {
		return fmt.Sprintf("portico-%d-%s-%d", r.conn.InstanceID, ch.Object, id)
	}
	b, _ := json.Marshal(ch.Values)
	sum := sha256.Sum256(append([]byte(ch.BaseVersion+"\n"), b...))
	return fmt.Sprintf("portico-%d-%s-%d-%s", r.conn.InstanceID, ch.Object, id, hex.EncodeToString(sum[:12]))
}

func res0(res []sdk.PushResult) sdk.PushResult {
	if len(res) > 0 {
		return res[0]
	}
	return sdk.PushResult{}
}

// retryAfter is the plugin's retry hint of an error, if any.
func retryAfter(err error) (d time.Duration) {
	var e *sdk.Error
	if errors.As(err, &e) {
		d = e.RetryAfter
	}
	return d
}

package sdk

import (
	"time"

	"github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"
)

var opToProto = map[ChangeOp]pluginv1.Change_Op{
	OpUpsert: pluginv1.Change_OP_UPSERT,
	OpDelete: pluginv1.Change_OP_DELETE,
}

var pushStatusToProto = map[PushStatus]pluginv1.PushResult_Status{
	PushOK: pluginv1.PushResult_STATUS_OK, PushConflict: pluginv1.PushResult_STATUS_CONFLICT,
	PushNotFound: pluginv1.PushResult_STATUS_NOT_FOUND, PushInvalid: pluginv1.PushResult_STATUS_INVALID,
	PushRateLimited: pluginv1.PushResult_STATUS_RATE_LIMITED, PushError: pluginv1.PushResult_STATUS_ERROR,
	PushTemporary: pluginv1.PushResult_STATUS_TEMPORARY, PushUnauthorized: pluginv1.PushResult_STATUS_UNAUTHORIZED,
}

// ChangeToProto converts a change to its wire form.
func ChangeToProto(c Change) *pluginv1.Change {
	p := &pluginv1.Change{Op: opToProto[c.Op], Object: c.Object, RemoteId: c.RemoteID, Version: c.Version,
		IdempotencyKey: c.IdempotencyKey, BaseVersion: c.BaseVersion, Error: c.Error}
	if !c.ModifiedAt.IsZero() {
		p.ModifiedAt = c.ModifiedAt.UTC().Format(time.RFC3339Nano)
	}
	if c.Record.Contact != nil || c.Record.Company != nil {
		p.Record = RecordToProto(c.Record)
	}
	if len(c.Values) > 0 {
		p.Values = make(map[string]*pluginv1.FieldValues, len(c.Values))
		for k, v := range c.Values {
			p.Values[k] = &pluginv1.FieldValues{Values: v}
		}
	}
	return p
}

// ChangeFromProto converts a wire change; an unparsable time stays zero.
func ChangeFromProto(p *pluginv1.Change) Change {
	c := Change{Object: p.GetObject(), RemoteID: p.GetRemoteId(), Version: p.GetVersion(),
		IdempotencyKey: p.GetIdempotencyKey(), BaseVersion: p.GetBaseVersion(), Error: p.GetError()}
	for op, w := range opToProto {
		if w == p.GetOp() {
			c.Op = op
		}
	}
	c.ModifiedAt, _ = time.Parse(time.RFC3339Nano, p.GetModifiedAt())
	if p.GetRecord() != nil {
		c.Record = RecordFromProto(p.GetRecord())
	}
	if len(p.GetValues()) > 0 {
		c.Values = make(map[string][]string, len(p.GetValues()))
		for k, v := range p.GetValues() {
			c.Values[k] = v.GetValues()
		}
	}
	return c
}

// ChangeBatchToProto converts a batch of changes to its wire form.
func ChangeBatchToProto(b ChangeBatch) *pluginv1.ChangeBatch {
	p := &pluginv1.ChangeBatch{Cursor: b.Cursor, Snapshot: b.Snapshot, Changes: make([]*pluginv1.Change, len(b.Changes))}
	for i, c := range b.Changes {
		p.Changes[i] = ChangeToProto(c)
	}
	return p
}

// ChangeBatchFromProto converts a wire batch of changes.
func ChangeBatchFromProto(p *pluginv1.ChangeBatch) ChangeBatch {
	b := ChangeBatch{Cursor: p.GetCursor(), Snapshot: p.GetSnapshot(), Changes: make([]Change, len(p.GetChanges()))}
	for i, c := range p.GetChanges() {
		b.Changes[i] = ChangeFromProto(c)
	}
	return b
}

// PushResultToProto converts a push result to its wire form.
func PushResultToProto(r PushResult) *pluginv1.PushResult {
	p := &pluginv1.PushResult{Status: pushStatusToProto[r.Status], RemoteId: r.RemoteID, NewVersion: r.NewVersion,
		RetryAfterMs: r.RetryAfter.Milliseconds(), Message: r.Message, CurrentVersion: r.CurrentVersion}
	if r.Current != nil {
		p.Current = ChangeToProto(*r.Current)
	}
	return p
}

// PushResultFromProto converts a wire push result; an unknown status
// comes back as PushError.
func PushResultFromProto(p *pluginv1.PushResult) PushResult {
	r := PushResult{Status: PushError, RemoteID: p.GetRemoteId(), NewVersion: p.GetNewVersion(),
		RetryAfter: time.Duration(p.GetRetryAfterMs()) * time.Millisecond, Message: p.GetMessage(),
		CurrentVersion: p.GetCurrentVersion()}
	for s, w := range pushStatusToProto {
		if w == p.GetStatus() {
			r.Status = s
		}
	}
	if p.GetCurrent() != nil {
		c := ChangeFromProto(p.GetCurrent())
		r.Current = &c
	}
	return r
}

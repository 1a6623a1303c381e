package sdk

import (
	"context"
	"time"
)

// CRMSync is implemented by the instances of a crm_sync plugin. The host
// owns the link table, the cursors and the conflict rules and passes what a
// call needs, so an instance keeps no sync state of its own.
type CRMSync interface {
	// DescribeRemote lists the object types the connector syncs and their
	// remote fields, for the admin's field mapping.
	DescribeRemote(ctx context.Context) (RemoteSchema, error)
	// Pull sends the remote changes since req.Cursor in batches, each with
	// the cursor that resumes right after it; an empty cursor lists every
	// remote record. A cursor the remote no longer accepts is refused with
	// InvalidCursor. A record that cannot be read is sent as a Change with
	// Error set, and the pull goes on.
	Pull(ctx context.Context, req PullRequest, w *ChangeWriter) error
	// Push applies changes and returns one result per change, in order.
	// Per-change failures are results; an error fails the whole call.
	Push(ctx context.Context, changes []Change) ([]PushResult, error)
}

// CRMLookup is implemented by connectors whose remote can search, for the
// first sync of records not linked yet. Announce it with CapCRMLookup.
type CRMLookup interface {
	// Lookup returns, for each query in order, every remote record that
	// matches any of its keys.
	Lookup(ctx context.Context, queries []LookupQuery) ([][]Change, error)
}

// CapCRMLookup is the capability a connector implementing CRMLookup
// announces in Info.Capabilities; the host calls Lookup only then.
const CapCRMLookup = "crm_sync.lookup"

// The object types a connector syncs.
const (
	ObjectContact = "contact"
	ObjectCompany = "company"
)

// ChangeOp says whether a change creates or updates a record, or deletes it.
type ChangeOp string

// The change operations.
const (
	OpUpsert ChangeOp = "upsert"
	OpDelete ChangeOp = "delete"
)

// Change is one remote record's change (Pull), or one local change to apply
// remotely (Push). A delete is a tombstone: Object and RemoteID only.
type Change struct {
	Op     ChangeOp
	Object string
	// RemoteID is the remote record's stable identifier; empty on a Push
	// that creates.
	RemoteID string
	// Version is the remote version (ETag, revision) a pulled change has.
	Version    string
	ModifiedAt time.Time
	// Record is the change in Portico's shape, as the connector maps it by
	// default. On Push it is written when Values is empty.
	Record Record
	// Values holds remote field values by remote field name. On Push each
	// named field is replaced, an empty list clears it, and fields not
	// named stay as the remote has them.
	Values map[string][]string
	// IdempotencyKey is stable per local change, so a retried Push applies
	// it once.
	IdempotencyKey string
	// BaseVersion is, on Push, the remote version the host last saw; the
	// write happens only if the remote record still has it.
	BaseVersion string
	// Error says why a pulled record could not be read.
	Error string
}

// ChangeBatch is a run of changes and the cursor that resumes after them.
type ChangeBatch struct {
	Changes []Change
	Cursor  string
	// Snapshot marks the batches of a pull from an empty cursor: together
	// they list every remote record.
	Snapshot bool
}

// PullRequest says where a pull resumes.
type PullRequest struct {
	// Cursor is the last batch's cursor the host stored, or empty.
	Cursor string
	// BatchSize is how many changes per batch the host would like.
	BatchSize int
}

// ChangeWriter sends batches of changes to the host.
type ChangeWriter struct {
	send func(ChangeBatch) error
}

// Send hands one batch to the host and blocks while the host is busy. It
// fails when the host went away or cancelled the pull; Pull should then
// return that error.
func (w *ChangeWriter) Send(b ChangeBatch) error { return w.send(b) }

// PushStatus is the outcome of one pushed change.
type PushStatus string

// The outcomes of a pushed change.
const (
	PushOK PushStatus = "ok"
	// PushConflict: the remote changed since BaseVersion (HTTP 412), or a
	// create found the record there already.
	PushConflict     PushStatus = "conflict"
	PushNotFound     PushStatus = "not_found"
	PushInvalid      PushStatus = "invalid"
	PushRateLimited  PushStatus = "rate_limited"
	PushTemporary    PushStatus = "temporary"
	PushUnauthorized PushStatus = "unauthorized"
	PushError        PushStatus = "error"
)

// PushResult answers one pushed change.
type PushResult struct {
	Status PushStatus
	// RemoteID and NewVersion say where the change was written and as
	// which version; the host stores that version to recognise its own
	// write when a later pull brings it back.
	RemoteID   string
	NewVersion string
	RetryAfter time.Duration
	Message    string
	// CurrentVersion and Current describe the remote record on a conflict.
	CurrentVersion string
	Current        *Change
}

// LookupQuery asks for remote records of one type matching any given key:
// an email for contacts, a name or domain for companies.
type LookupQuery struct {
	Object  string
	Emails  []string
	Name    string
	Domains []string
}

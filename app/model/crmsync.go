package model

import "time"

// CRMConnector is a CRM sync connector: a plugin instance of kind
// crm_sync with what it syncs and where its pull and push stand.
type CRMConnector struct {
	InstanceID int64
	// Objects is "contacts", "companies" or "both".
	Objects string
	// RemoteDelete is "flag" (unlink and flag the Portico record) or
	// "delete"; PorticoDelete is "keep" or "delete" (a Portico delete or
	// merge deletes the remote record).
	RemoteDelete, PorticoDelete string
	Paused                      bool
	// State is "setup" until the admin confirms the first sync, then
	// "running".
	State string
	// PullCursor is the plugin's cursor after the last stored batch;
	// PushPosition the last event position whose changes went out.
	PullCursor   string
	PushPosition int64
	BackoffUntil *time.Time
	// Outages counts the runs in a row that failed, for the backoff.
	Outages   int
	LastRunAt *time.Time
	LastError string
	// Pulled and Pushed count the records changed in Portico and on the
	// remote; Conflicts the fields both sides had changed.
	Pulled, Pushed, Conflicts int64
	Mapping                   []CRMFieldMap
	UpdatedAt                 time.Time
}

// CRMFieldMap maps one Portico field to one remote field.
type CRMFieldMap struct {
	// Object is "contact" or "company".
	Object       string
	PorticoField string
	RemoteField  string
	// Direction is "both", "to_portico", "to_remote" or "none".
	Direction string
	// Rule is "prefer_portico", "prefer_remote", "prefer_non_empty" or
	// "latest_wins", for a field both sides changed.
	Rule string
}

// CRMLink links a Portico record to a remote one.
type CRMLink struct {
	ID            int64
	InstanceID    int64
	Object        string
	LocalID       int64
	RemoteID      string
	RemoteVersion string
	// Synced holds the values both sides agreed on at the last sync, by
	// Portico field.
	Synced map[string][]string
	// State is "linked", "remote_deleted" (the remote record was deleted:
	// the Portico record is flagged, never deleted) or "deleted" (the
	// Portico record was deleted or merged away).
	State    string
	SyncedAt time.Time
}

// CRMFailure is a record that failed to sync.
type CRMFailure struct {
	ID         int64
	InstanceID int64
	// Direction is "in" (remote to Portico) or "out".
	Direction string
	Object    string
	LocalID   int64
	RemoteID  string
	Reason    string
	// Change is the pulled change as JSON, for a retry of an "in" failure.
	Change string
	// Ambiguous marks a record the first sync matched to several: it
	// syncs no more until a new first sync links it.
	Ambiguous bool
	Attempts  int
	FirstAt   time.Time
	LastAt    time.Time
}

// CRMConflict is a field both sides changed and how the rule resolved it.
type CRMConflict struct {
	ID           int64
	InstanceID   int64
	Object       string
	LocalID      int64
	RemoteID     string
	Field        string
	PorticoValue string
	RemoteValue  string
	Rule         string
	// Kept is "portico" or "remote".
	Kept string
	At   time.Time
}

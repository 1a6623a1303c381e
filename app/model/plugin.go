package model

import "time"

// PluginApproval is what an admin decided about one plugin: the version
// and file digests approved, and whether it is disabled and why.
type PluginApproval struct {
	ID              string
	ApprovedVersion string
	// Digests maps each file the manifest names to its SHA-256 (hex).
	Digests        map[string]string
	ApprovedBy     int64
	ApprovedAt     *time.Time
	Disabled       bool
	DisabledReason string
}

// Approved reports whether any version of the plugin was approved.
func (a PluginApproval) Approved() bool { return len(a.Digests) > 0 }

// PluginInstance is one configured connection of a plugin. Secrets are
// kept apart from Config so that they are never shown or logged.
type PluginInstance struct {
	ID       int64
	PluginID string
	Name     string
	// Config is the instance's configuration as JSON, secrets excluded.
	Config   string
	Secrets  map[string]string
	Revision int64
	// UpdatedAt is when the configuration last changed.
	UpdatedAt time.Time
}

// PluginActivity is one thing a plugin or an instance did: a start, a
// crash with the plugin's last stderr lines, a connection test, an import.
type PluginActivity struct {
	ID         int64
	PluginID   string
	InstanceID int64
	Kind       string
	OK         bool
	Message    string
	Detail     string
	At         time.Time
}

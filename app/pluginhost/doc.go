// Package pluginhost runs Portico's plugins: it discovers plugin folders
// under the plugins directory, keeps what admins decided about them
// (approval by file digests, disabling), starts approved plugins through
// the SDK's host package and supervises them (health checks, restarts
// with backoff, disabling after repeated crashes, the last stderr lines
// of every failure), and manages each plugin's configured instances: their
// configuration checked against the plugin's JSON Schema, their secrets
// kept apart, "Test connection" and their recent activity.
//
// A plugin whose files changed since its approval, that crashes, or that
// never starts stops alone: nothing here ever stops Portico.
//
// It imports store, model and the plugin SDK; it must not import web or
// anything that handles HTTP.
package pluginhost

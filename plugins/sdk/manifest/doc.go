// Package manifest reads and checks plugin.json, the file that describes a
// plugin folder: who the plugin is, what it does, which protocol versions it
// speaks, how to run it and which files an admin approves by their SHA-256.
//
// Both the host and the conformance runner use it; it imports nothing of
// Portico's application.
package manifest

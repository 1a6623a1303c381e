package wire

import (
	"slices"

	"github.com/hashicorp/go-plugin"
)

// Handshake is the magic cookie go-plugin checks before anything else. It
// is no security measure: it only stops a plugin run by hand from waiting
// for a host that never comes.
var Handshake = plugin.HandshakeConfig{
	MagicCookieKey:   "PORTICO_PLUGIN",
	MagicCookieValue: "7f3d9c1e5b2a4860a1c4e9d2b6f08a53",
}

// Protocols lists the go-plugin protocol versions this SDK speaks, oldest
// first. A breaking change adds a new integer; the old one stays served for
// a release cycle.
var Protocols = []int{1}

// Names of the entries in a plugin set: one for the base service, one per
// kind.
const (
	SetPlugin   = "plugin"
	SetImporter = "importer"
	SetCRMSync  = "crm_sync"
	SetNotifier = "notifier"
)

// Trailing metadata keys a plugin uses to classify a failed call.
const (
	ErrorKindKey  = "portico-error-kind"
	RetryAfterKey = "portico-retry-after-ms"
)

// Overlap returns the versions found in both lists, in ascending order.
func Overlap(a, b []int) []int {
	var both []int
	for _, v := range a {
		if slices.Contains(b, v) {
			both = append(both, v)
		}
	}
	slices.Sort(both)
	return both
}

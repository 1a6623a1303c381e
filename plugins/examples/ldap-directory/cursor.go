package main

import (
	"encoding/json"
	"fmt"

	"github.com/portico-hub/portico/plugins/sdk"
)

// position is the import cursor: the id of the last person sent and how
// many people came before. LDAP gives no resumable position of its own (a
// paged-results cookie dies with its connection, and sorting needs a
// server-side sort control many servers lack), so a resumed import pages
// through the same search again and sends what follows that person.
// Servers return a search's entries in a stable order (OpenLDAP's by entry
// number), so skipped entries cost only the reading. If the person is gone
// the cursor is refused and the import starts over, which is safe: Portico
// merges records by their external id.
type position struct {
	After string `json:"after"`
	Done  int64  `json:"done"`
}

func (p position) String() string {
	b, _ := json.Marshal(p)
	return string(b)
}

func parseCursor(s string) (position, error) {
	var p position
	if s == "" {
		return p, nil
	}
	if err := json.Unmarshal([]byte(s), &p); err != nil || p.After == "" || p.Done < 0 {
		return p, sdk.InvalidCursor(fmt.Sprintf("cursor %q is not an LDAP import position", s))
	}
	return p, nil
}

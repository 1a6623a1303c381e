package web_test

import (
	"testing"

	"github.com/google/uuid"
)

// Request ids end up in logs and error pages that users paste into
// support threads; a counter would tell outsiders how busy the server is
// and let them guess each other's ids, so each id is a random UUID.
func TestRequestIDsAreRandom(t *testing.T) {
	c := newTestServer(t).client()
	seen, tails := map[string]bool{}, map[string]bool{}
	for range 3 {
		resp, _ := c.get("/healthz")
		id := resp.Header.Get("X-Request-Id")
		u, err := uuid.Parse(id)
		if err != nil || u.Version() != 4 {
			t.Fatalf("request id %q is not a random (version 4) UUID: %v", id, err)
		}
		if seen[id] {
			t.Fatalf("request id %q repeated", id)
		}
		seen[id] = true
		// A seeded counter changes only the first half; random ids differ
		// everywhere.
		if tails[id[24:]] {
			t.Fatalf("request id %q shares its last 48 bits with an earlier one: a counter", id)
		}
		tails[id[24:]] = true
	}
}

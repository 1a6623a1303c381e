package store

import (
	"encoding/json"
	"slices"
	"testing"
)

// TestDecodeNames checks the quick split of JSON arrays against
// encoding/json, escapes, commas and quotes inside names included.
func TestDecodeNames(t *testing.T) {
	for _, names := range [][]string{nil, {"a"}, {"Kim, Minjun", "김민준"}, {`say "hi"`, `back\slash`}, {"", "x"}, {`","`}} {
		js, _ := json.Marshal(names)
		if names == nil {
			js = []byte("[]")
		}
		var got []string
		if err := decodeNames(js, &got); err != nil || !slices.Equal(got, names) {
			t.Errorf("%s: got %q (%v), want %q", js, got, err, names)
		}
	}
}

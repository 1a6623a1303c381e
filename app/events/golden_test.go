package events

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// update rewrites the golden files: `go test ./app/events -update`, then
// review the diff, since every change there is a change of the public
// webhook contract.
var update = flag.Bool("update", false, "rewrite the golden payload files")

// TestPayloadsMatchGolden fails when the JSON an endpoint receives for any
// event type changes: a renamed, removed or retyped field breaks every
// receiver, so it must be a deliberate change of the golden file.
func TestPayloadsMatchGolden(t *testing.T) {
	for _, p := range Examples() {
		t.Run(p.EventType(), func(t *testing.T) {
			b, err := ExampleJSON(p)
			if err != nil {
				t.Fatal(err)
			}
			got := bytes.NewBuffer(append(b, '\n'))
			path := filepath.Join("testdata", p.EventType()+".json")
			if *update {
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no golden payload for %s: run go test -update and review it: %v", p.EventType(), err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s payload changed:\n got: %s\nwant: %s", p.EventType(), got.Bytes(), want)
			}
		})
	}
}

// TestEveryTypeHasAGoldenPayload fails when an event type is added
// without its golden payload.
func TestEveryTypeHasAGoldenPayload(t *testing.T) {
	have := map[string]bool{}
	for _, p := range Examples() {
		have[p.EventType()] = true
	}
	for _, info := range append(Types, TypeInfo{Type: TypeTest}) {
		if !have[info.Type] {
			t.Errorf("event type %s has no golden payload in Examples", info.Type)
		}
	}
}

package conformance_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk/conformance"
	"github.com/portico-hub/portico/plugins/sdk/internal/fixture"
)

func TestMain(m *testing.M) { os.Exit(fixture.Run(m)) }

func TestExamplesConform(t *testing.T) {
	for name, build := range map[string]func(testing.TB) string{"hello-go": fixture.GoExample, "hello-node": fixture.NodeExample} {
		t.Run(name, func(t *testing.T) {
			r := conformance.Run(context.Background(), build(t), conformance.Options{
				Config: `{"count": 2500}`, Env: []string{"PATH=" + os.Getenv("PATH")}})
			var out strings.Builder
			r.Write(&out)
			if r.Failed() || len(r.Checks) < 11 {
				t.Fatalf("conformance of %s:\n%s", r.Plugin, out.String())
			}
		})
	}
}

func TestConformanceCatchesABrokenResume(t *testing.T) {
	// The test plugin ignores the cursor and always starts from 1, so
	// resuming gives the wrong records.
	r := conformance.Run(context.Background(), fixture.TestPlugin(t, `exec "$BIN"`), conformance.Options{})
	var out strings.Builder
	r.Write(&out)
	if !strings.Contains(out.String(), "FAIL import resume") {
		t.Fatalf("want the resume check to fail:\n%s", out.String())
	}
}

func TestConformanceCatchesStdoutAfterTheHandshake(t *testing.T) {
	r := conformance.Run(context.Background(), fixture.TestPlugin(t, `exec "$BIN" chatty`), conformance.Options{})
	var out strings.Builder
	r.Write(&out)
	if !strings.Contains(out.String(), `FAIL silent stdout          the plugin wrote to stdout, which belongs to the handshake: "checking health\n"`) {
		t.Fatalf("want the stdout check to fail:\n%s", out.String())
	}
}

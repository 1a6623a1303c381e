package main

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/conformance"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

var secrets = map[string]string{"password": testPass}

var (
	buildOnce sync.Once
	builtDir  string
	buildErr  error
)

// TestMain removes the built connector after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if builtDir != "" {
		os.RemoveAll(builtDir)
	}
	os.Exit(code)
}

// buildPlugin builds the connector once per test run into a folder with
// its plugin.json, as a release ships it.
func buildPlugin(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		if builtDir, buildErr = os.MkdirTemp("", "carddav-plugin"); buildErr == nil {
			buildErr = sdktest.BuildGoInto(builtDir, "bin/carddav-sync")
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtDir
}

// startPlugin runs the built connector through the host package, approved
// as it is, and configures one instance for the book.
func startPlugin(t testing.TB, dir string, r *radicale, book string) (*host.Plugin, host.Ref) {
	t.Helper()
	// Radicale answers a first sync report of a large book only after
	// reading every card, which takes minutes at 10,000 cards.
	p := sdktest.StartFolder(t, dir, func(c *host.Config) { c.BatchTimeout = 15 * time.Minute })
	return p, sdktest.Configure(t, p, "book", r.config(book), secrets)
}

func pull(t testing.TB, p *host.Plugin, ref host.Ref, cursor string, size int) ([]sdk.ChangeBatch, error) {
	t.Helper()
	var batches []sdk.ChangeBatch
	err := p.Pull(context.Background(), host.PullRequest{Ref: ref, Cursor: cursor, BatchSize: size},
		func(b sdk.ChangeBatch) error { batches = append(batches, b); return nil })
	return batches, err
}

func mustPull(t testing.TB, p *host.Plugin, ref host.Ref, cursor string, size int) ([]sdk.ChangeBatch, string) {
	t.Helper()
	batches := sdktest.PullAll(t, p, ref, cursor, size)
	return batches, batches[len(batches)-1].Cursor
}

// byID flattens batches, keeping the last change per remote id.
func byID(batches []sdk.ChangeBatch) map[string]sdk.Change {
	out := map[string]sdk.Change{}
	for _, b := range batches {
		for _, c := range b.Changes {
			out[c.RemoteID] = c
		}
	}
	return out
}

func TestConformanceAgainstRadicale(t *testing.T) {
	r := startRadicale(t)
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		r.seed("contacts", n+".vcf", "BEGIN:VCARD\nVERSION:3.0\nUID:"+n+"\nFN:Person "+n+"\nEND:VCARD")
	}
	rep := conformance.Run(context.Background(), buildPlugin(t), conformance.Options{Config: r.config("contacts"), Secrets: secrets})
	var out strings.Builder
	rep.Write(&out)
	if rep.Failed() || !strings.Contains(out.String(), "ok   crm delete tombstone") {
		t.Fatalf("conformance:\n%s", out.String())
	}
	t.Logf("conformance:\n%s", out.String())
}

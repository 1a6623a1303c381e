package imports

import (
	"context"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
)

// TestPluginThatHangsMidStreamFailsTheImport: the plugin sends two
// batches and then nothing; the batch deadline fails the import, naming
// the plugin, with exactly the rows of the two committed batches.
func TestPluginThatHangsMidStreamFailsTheImport(t *testing.T) {
	e, _, in := faultyEnv(t, "stall")
	e.d.BatchSize = 10 // one import batch per plugin batch
	im := e.importPlugin(t, in)
	if im.State != model.JobFailed || !strings.Contains(im.Error, "plugin testplugin 1.0.0") ||
		!strings.Contains(im.Error, "no batch within 1s") {
		t.Fatalf("import %s: %q, want it failed naming the plugin and the deadline", im.State, im.Error)
	}
	if im.Created != 20 || im.Rows() != 20 || im.LastRow != 20 || im.SourceCursor != "2" {
		t.Errorf("counts %+v, last row %d, cursor %q: want the 20 rows of the two batches", im.ImportCounts, im.LastRow, im.SourceCursor)
	}
	if v, _ := e.st.ViewCounts(context.Background()); v.All != 20 {
		t.Errorf("%d contacts, want 20", v.All)
	}
}

// TestPluginThatNeverHandshakesIsRefused: the import fails with the
// reason, and the plugin stands failed, not restarting, with it.
func TestPluginThatNeverHandshakesIsRefused(t *testing.T) {
	e, h, in := faultyEnv(t, "silent")
	im := e.importPlugin(t, in)
	if im.State != model.JobFailed || !strings.Contains(im.Error, "did not complete the handshake within 2s") {
		t.Fatalf("import %s: %q, want it refused for its handshake", im.State, im.Error)
	}
	s, err := h.Get(context.Background(), "testplugin")
	if err != nil || s.State != pluginhost.StateFailed || !strings.Contains(s.Reason, "handshake") {
		t.Errorf("plugin %q (%s), want failed for its handshake (%v)", s.State, s.Reason, err)
	}
}

// TestPluginOfAnotherProtocolIsRefused: the plugin claims protocol 1 in
// plugin.json but speaks 2; the message names both versions.
func TestPluginOfAnotherProtocolIsRefused(t *testing.T) {
	e, h, in := faultyEnv(t, "v2")
	im := e.importPlugin(t, in)
	if im.State != model.JobFailed || !strings.Contains(im.Error, "speaks plugin protocol version [2], this Portico host speaks [1]") {
		t.Fatalf("import %s: %q, want it refused naming both versions", im.State, im.Error)
	}
	if s, _ := h.Get(context.Background(), "testplugin"); s.State != pluginhost.StateFailed {
		t.Errorf("plugin %q, want failed", s.State)
	}
}

// TestPluginBadRecordsFailOneByOne: an invalid address, a huge field and
// a record of no kind each fail as a row with its reason; the good
// records around them are imported.
func TestPluginBadRecordsFailOneByOne(t *testing.T) {
	e, _, in := faultyEnv(t, "bad")
	im := e.importPlugin(t, in)
	wantCounts(t, im, model.ImportCounts{Created: 2, Failed: 3})
	var reasons []string
	e.st.ImportFailures(context.Background(), im.ID, func(f model.ImportFailure) error {
		reasons = append(reasons, f.Reason)
		return nil
	})
	want := []string{"not an address", "About holds 100 KB", "neither a contact nor a company"}
	if len(reasons) != len(want) {
		t.Fatalf("failed rows %q, want %d", reasons, len(want))
	}
	for i, w := range want {
		if !strings.Contains(reasons[i], w) {
			t.Errorf("failed row %d: %q, want it to say %q", i+2, reasons[i], w)
		}
	}
}

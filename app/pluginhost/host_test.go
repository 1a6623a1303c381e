package pluginhost_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
)

func TestApproveStartsThePluginAndTestsAnInstance(t *testing.T) {
	h, _ := newHost(t, pluginhost.Options{})
	ctx := context.Background()
	install(t, h.Dir())
	s := waitState(t, h, "hello-go", pluginhost.StateNotApproved)
	if s.Manifest.Version != "0.1.0" {
		t.Fatalf("status %+v", s)
	}
	files, err := h.Files(ctx, "hello-go")
	if err != nil || len(files) != 2 || files[0].Path != "bin/hello-go" || len(files[0].SHA256) != 64 {
		t.Fatalf("files %+v %v", files, err)
	}
	if err := h.Approve(ctx, "hello-go", map[string]string{files[0].Path: files[0].SHA256}, 0); err != nil {
		t.Fatal(err)
	}
	waitState(t, h, "hello-go", pluginhost.StateRunning)
	id, err := h.SaveInstance(ctx, "hello-go", 0, pluginhost.InstanceInput{Name: "Sales", Values: map[string]string{"count": "5", "domain": "sales.test"}})
	if err != nil {
		t.Fatal(err)
	}
	health, err := h.TestConnection(ctx, id)
	if err != nil || !health.OK || !strings.Contains(health.Message, "5 records at sales.test") {
		t.Fatalf("health %+v %v", health, err)
	}
}

func TestSaveInstanceChecksTheSchema(t *testing.T) {
	h, _ := newHost(t, pluginhost.Options{})
	install(t, h.Dir())
	_, err := h.SaveInstance(context.Background(), "hello-go", 0, pluginhost.InstanceInput{Name: "", Values: map[string]string{"count": "-3"}})
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields["name"] == "" || ve.Fields["count"] != "Minimum: got -3, want 0." {
		t.Fatalf("got %v", err)
	}
	_, err = h.SaveInstance(context.Background(), "hello-go", 0, pluginhost.InstanceInput{Name: "A", Values: map[string]string{"count": "many"}})
	if !errors.As(err, &ve) || ve.Fields["count"] != "Enter a whole number." {
		t.Fatalf("got %v", err)
	}
}

func TestAChangedBinaryStopsThatPluginUntilApprovedAgain(t *testing.T) {
	h, _ := newHost(t, pluginhost.Options{})
	ctx := context.Background()
	dir := install(t, h.Dir())
	if err := h.Approve(ctx, "hello-go", nil, 0); err != nil {
		t.Fatal(err)
	}
	waitState(t, h, "hello-go", pluginhost.StateRunning)
	bin := filepath.Join(dir, "bin", "hello-go")
	data, _ := os.ReadFile(bin)
	os.WriteFile(bin+".new", append(data, 'x'), 0o755)
	if err := os.Rename(bin+".new", bin); err != nil { // as an upgrade replaces it
		t.Fatal(err)
	}
	s := waitState(t, h, "hello-go", pluginhost.StateChanged)
	if !strings.Contains(s.Reason, "changed since it was approved: approve again") || !strings.Contains(s.Reason, "bin/hello-go") {
		t.Fatalf("reason %q", s.Reason)
	}
	killPlugin(t, h) // the restart must verify the files and refuse
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		s, _ = h.Get(ctx, "hello-go")
		if s.Pid == 0 && strings.Contains(s.LastError, "approve again") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("a changed plugin still runs: %+v", s)
		}
	}
	if err := h.Approve(ctx, "hello-go", nil, 0); err != nil {
		t.Fatal(err)
	}
	waitState(t, h, "hello-go", pluginhost.StateRunning)
}

func TestRepeatedCrashesDisableThePluginWithTheReason(t *testing.T) {
	h, st := newHost(t, pluginhost.Options{Backoff: 10 * time.Millisecond})
	install(t, h.Dir())
	if err := h.Approve(context.Background(), "hello-go", nil, 0); err != nil {
		t.Fatal(err)
	}
	pid := 0
	for range 3 {
		for s := waitState(t, h, "hello-go", pluginhost.StateRunning); s.Pid == pid; {
			time.Sleep(20 * time.Millisecond)
			s = waitState(t, h, "hello-go", pluginhost.StateRunning)
		}
		pid = killPlugin(t, h)
	}
	s := waitState(t, h, "hello-go", pluginhost.StateDisabled)
	if !strings.Contains(s.Reason, "Failed 3 times within 1h0m0s") || s.Restarts != 2 {
		t.Fatalf("status %+v", s)
	}
	acts, _ := st.PluginActivity(context.Background(), "hello-go", 0, 20)
	crashes := 0
	for _, a := range acts {
		if a.Kind == "crashed" && strings.Contains(a.Message, "exited") {
			crashes++
		}
	}
	if crashes != 3 {
		t.Fatalf("recorded %d crashes: %+v", crashes, acts)
	}
}

func TestAPluginOfAnotherProtocolIsRefusedNamingBothVersions(t *testing.T) {
	h, _ := newHost(t, pluginhost.Options{})
	dir := install(t, h.Dir())
	m, _ := os.ReadFile(filepath.Join(dir, "plugin.json"))
	os.WriteFile(filepath.Join(dir, "plugin.json"), []byte(strings.Replace(string(m), `[1]`, `[2]`, 1)), 0o644)
	if err := h.Approve(context.Background(), "hello-go", nil, 0); err != nil {
		t.Fatal(err)
	}
	s := waitState(t, h, "hello-go", pluginhost.StateFailed)
	if !strings.Contains(s.Reason, "speaks plugin protocol version [2], this Portico host speaks [1]") {
		t.Fatalf("reason %q", s.Reason)
	}
}

// killPlugin kills the running plugin's process as a crash would.
func killPlugin(t *testing.T, h *pluginhost.Host) int {
	t.Helper()
	s, err := h.Get(context.Background(), "hello-go")
	if err != nil || s.Pid == 0 {
		t.Fatalf("no running plugin: %+v %v", s, err)
	}
	syscall.Kill(s.Pid, syscall.SIGKILL)
	return s.Pid
}

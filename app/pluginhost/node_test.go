package pluginhost_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/pluginhost"
)

// installNode copies the built hello-node example (make plugins).
func installNode(t *testing.T, plugins string) {
	t.Helper()
	src := filepath.Join("..", "..", "plugins", "examples", "hello-node")
	if _, err := os.Stat(filepath.Join(src, "dist", "plugin.js")); err != nil {
		t.Skip("hello-node is not built: run make plugins")
	}
	dir := filepath.Join(plugins, "hello-node")
	copyFile(t, filepath.Join(src, "plugin.json"), filepath.Join(dir, "plugin.json"))
	copyFile(t, filepath.Join(src, "dist", "plugin.js"), filepath.Join(dir, "dist", "plugin.js"))
}

func TestANodePluginRunsAndAMissingNodeIsSaid(t *testing.T) {
	h, _ := newHost(t, pluginhost.Options{})
	installNode(t, h.Dir())
	ctx := context.Background()
	if err := h.Approve(ctx, "hello-node", nil, 0); err != nil {
		t.Fatal(err)
	}
	waitState(t, h, "hello-node", pluginhost.StateRunning)
	id, err := h.SaveInstance(ctx, "hello-node", 0, pluginhost.InstanceInput{Name: "N", Values: map[string]string{"count": "3"}})
	if err != nil {
		t.Fatal(err)
	}
	if health, err := h.TestConnection(ctx, id); err != nil || !health.OK {
		t.Fatalf("health %+v %v", health, err)
	}

	h2, _ := newHost(t, pluginhost.Options{Dir: h.Dir(), NodePath: "/nonexistent/node"})
	h2.Approve(ctx, "hello-node", nil, 0)
	s := waitState(t, h2, "hello-node", pluginhost.StateFailed)
	if !strings.Contains(s.Reason, "needs Node.js") || s.Restarts != 0 {
		t.Fatalf("status %+v", s)
	}
}

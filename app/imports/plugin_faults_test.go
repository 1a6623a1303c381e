package imports

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
)

var (
	faultyOnce sync.Once
	faultyBin  string
	faultyErr  error
)

// faultyPlugin builds the SDK's misbehaving test plugin once per test
// binary.
func faultyPlugin(t *testing.T) string {
	t.Helper()
	faultyOnce.Do(func() {
		dir, err := os.MkdirTemp("", "testplugin-")
		if faultyErr = err; err != nil {
			return
		}
		faultyBin = filepath.Join(dir, "testplugin")
		cmd := exec.Command("go", "build", "-o", faultyBin, "./internal/testplugin")
		cmd.Dir = filepath.Join("..", "..", "plugins", "sdk")
		if out, err := cmd.CombinedOutput(); err != nil {
			faultyErr = &buildFailed{out: string(out)}
		}
	})
	if faultyErr != nil {
		t.Fatal(faultyErr)
	}
	return faultyBin
}

type buildFailed struct{ out string }

func (e *buildFailed) Error() string { return "build the test plugin:\n" + e.out }

// faultyEnv is an engine whose plugin host holds the test plugin in mode
// (declaring protocol version 1 whatever it speaks), approved, with one
// instance, and times out fast.
func faultyEnv(t *testing.T, mode string) (*env, *pluginhost.Host, int64) {
	t.Helper()
	e := newEnv(t)
	e.st.Now = time.Now
	dir := filepath.Join(e.dir, "plugins", "testplugin")
	copyExec(t, faultyPlugin(t), filepath.Join(dir, "testplugin"))
	script := "#!/bin/sh\nexec \"${0%/*}/testplugin\" " + mode + "\n"
	writeFile(t, filepath.Join(dir, "run.sh"), script, 0o755)
	m, _ := json.Marshal(map[string]any{"id": "testplugin", "name": "Test plugin", "version": "1.0.0",
		"kinds": []string{"importer"}, "protocol_versions": []int{1}, "runtime": "native",
		"entrypoint": "run.sh", "files": []string{"run.sh", "testplugin"}, "author": map[string]string{"name": "Tests"}})
	writeFile(t, filepath.Join(dir, "plugin.json"), string(m), 0o644)
	h, err := pluginhost.New(pluginhost.Options{Dir: filepath.Dir(dir), Store: e.st, Log: e.d.Log,
		StartTimeout: 2 * time.Second, BatchTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(h.Close)
	ctx := context.Background()
	if err := h.Approve(ctx, "testplugin", nil, 0); err != nil {
		t.Fatal(err)
	}
	in, err := e.st.SavePluginInstance(ctx, model.PluginInstance{PluginID: "testplugin", Name: "Main", Config: "{}"})
	if err != nil {
		t.Fatal(err)
	}
	e.d.Plugins = h
	return e, h, in
}

// importPlugin runs an import of the instance to its end.
func (e *env) importPlugin(t *testing.T, instance int64) *model.Import {
	t.Helper()
	r := e.runner()
	id, err := Start(context.Background(), e.d, r, model.Actor{Name: "Test"},
		Params{Kind: KindContacts, Filename: "testplugin:Main", PluginInstance: instance})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	return e.wait(t, id)
}

func copyExec(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(data), 0o755)
}

func writeFile(t *testing.T, path, data string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), mode); err != nil {
		t.Fatal(err)
	}
}

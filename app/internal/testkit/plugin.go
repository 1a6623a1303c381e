package testkit

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var builds sync.Map // example folder -> *build

type build struct {
	once sync.Once
	bin  string
	out  []byte
	err  error
}

// InstallGoPlugin builds the Go plugin in src (an example's folder), once
// per test binary, and installs it under plugins as Portico finds it:
// plugins/NAME/plugin.json and plugins/NAME/bin/NAME, NAME being the
// folder's name. It returns the installed folder.
func InstallGoPlugin(t testing.TB, plugins, src string) string {
	t.Helper()
	name := filepath.Base(src)
	v, _ := builds.LoadOrStore(src, &build{})
	b := v.(*build)
	b.once.Do(func() {
		dir, err := os.MkdirTemp("", name+"-")
		if err != nil {
			b.err = err
			return
		}
		b.bin = filepath.Join(dir, name)
		cmd := exec.Command("go", "build", "-o", b.bin, ".")
		cmd.Dir = src
		b.out, b.err = cmd.CombinedOutput()
	})
	if b.err != nil {
		t.Fatalf("build %s: %v\n%s", src, b.err, b.out)
	}
	dir := filepath.Join(plugins, name)
	copyTo(t, filepath.Join(src, "plugin.json"), filepath.Join(dir, "plugin.json"), 0o644)
	copyTo(t, b.bin, filepath.Join(dir, "bin", name), 0o755)
	return dir
}

func copyTo(t testing.TB, from, to string, mode os.FileMode) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, mode); err != nil {
		t.Fatal(err)
	}
}

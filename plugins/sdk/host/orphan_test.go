package host_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/internal/fixture"
)

// hostEnv makes the test binary act as a Portico host that starts the
// plugin in the named folder, prints the plugin's pid and waits to be killed.
const hostEnv = "PORTICO_TEST_HOST_PLUGIN"

func TestMain(m *testing.M) {
	if spec := os.Getenv(hostEnv); spec != "" {
		os.Exit(actAsHost(spec))
	}
	os.Exit(fixture.Run(m))
}

func actAsHost(spec string) int {
	var cfg host.Config
	if err := json.Unmarshal([]byte(spec), &cfg); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	p, err := host.Start(context.Background(), cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println(p.Pid())
	select {}
}

func TestPluginsExitWhenTheHostIsKilled(t *testing.T) {
	for name, build := range map[string]func(testing.TB) string{"go": fixture.GoExample, "node": fixture.NodeExample} {
		t.Run(name, func(t *testing.T) {
			dir := build(t)
			spec, _ := json.Marshal(host.Config{Dir: dir, Approved: fixture.Approve(t, dir), SocketRoot: shortTempDir(t),
				Env: []string{"PATH=" + os.Getenv("PATH")}})
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), hostEnv+"="+string(spec))
			cmd.Stderr = os.Stderr
			out, _ := cmd.StdoutPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(out).ReadString('\n')
			pid, _ := strconv.Atoi(strings.TrimSpace(line))
			if err != nil || pid == 0 {
				cmd.Process.Kill()
				t.Fatalf("the host did not report a plugin pid: %q %v", line, err)
			}
			if n := processesIn(dir); n != 1 {
				t.Fatalf("%d processes run from the plugin folder, want 1", n)
			}
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			deadline := time.Now().Add(5 * time.Second)
			for processesIn(dir) > 0 && time.Now().Before(deadline) {
				time.Sleep(100 * time.Millisecond)
			}
			if n := processesIn(dir); n != 0 {
				syscall.Kill(pid, syscall.SIGKILL)
				t.Fatalf("%d plugin processes still run 5s after the host was killed", n)
			}
		})
	}
}

// processesIn counts live (not zombie) processes whose command line names a
// file in dir.
func processesIn(dir string) int {
	procs, _ := filepath.Glob("/proc/[0-9]*")
	n := 0
	for _, p := range procs {
		cmdline, err := os.ReadFile(filepath.Join(p, "cmdline"))
		if err != nil || !strings.Contains(string(cmdline), dir) {
			continue
		}
		stat, _ := os.ReadFile(filepath.Join(p, "stat"))
		if fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:])); len(fields) > 0 && fields[0] != "Z" {
			n++
		}
	}
	return n
}

// shortTempDir is a temporary directory with a path short enough for Unix
// sockets, which t.TempDir's long names are not.
func shortTempDir(t *testing.T) string {
	dir, err := os.MkdirTemp("", "pt")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

package servertest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

const (
	botPassword = "bot-secret"
	adaPassword = "ada-secret"
)

// prosody is a real Prosody on a loopback port with a throwaway
// configuration and two accounts: the bot and ada, who receives.
type prosody struct {
	Service string
}

func startProsody(t testing.TB) *prosody {
	t.Helper()
	bin := sdktest.ServerBinary(t, "prosody", "prosody")
	dir := t.TempDir()
	port := sdktest.FreePort(t)
	conf := filepath.Join(dir, "prosody.cfg.lua")
	if err := os.WriteFile(conf, []byte(prosodyConf(dir, port)), 0o644); err != nil {
		t.Fatal(err)
	}
	asUser := ownedByProsody(t, dir)
	for _, acc := range [][2]string{{"portico", botPassword}, {"ada", adaPassword}} {
		cmd := asUser("prosodyctl", "--config", conf, "register", acc[0], "localhost", acc[1])
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("prosodyctl register %s: %v\n%s", acc[0], err, out)
		}
	}
	cmd := asUser(bin, "--config", conf, "-F")
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() { syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM); <-exited })
	sdktest.WaitPort(t, fmt.Sprintf("127.0.0.1:%d", port), exited, func() string {
		b, _ := os.ReadFile(filepath.Join(dir, "prosody.log"))
		return string(b)
	})
	return &prosody{Service: fmt.Sprintf("xmpp://127.0.0.1:%d", port)}
}

// prosodyConf keeps everything in dir; plain authentication without TLS is
// allowed because it never leaves loopback.
func prosodyConf(dir string, port int) string {
	return fmt.Sprintf(`pidfile = %[1]q
data_path = %[2]q
interfaces = { "127.0.0.1" }
c2s_ports = { %[3]d }
modules_enabled = { "roster"; "saslauth"; "disco"; "ping"; "offline" }
modules_disabled = { "s2s" }
authentication = "internal_hashed"
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
log = { info = %[4]q; error = %[4]q }
VirtualHost "localhost"
`, filepath.Join(dir, "prosody.pid"), filepath.Join(dir, "data"), port, filepath.Join(dir, "prosody.log"))
}

// ownedByProsody gives dir to the prosody user when the tests run as root
// (Prosody refuses to run as root) and returns how to run a command as it.
func ownedByProsody(t testing.TB, dir string) func(string, ...string) *exec.Cmd {
	t.Helper()
	if os.Geteuid() != 0 {
		return exec.Command
	}
	u, err := user.Lookup("prosody")
	if err != nil {
		t.Fatal(err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	for _, p := range []string{dir, filepath.Dir(dir)} {
		if err := os.Chown(p, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	return func(name string, args ...string) *exec.Cmd {
		cmd := exec.Command(name, args...)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
		return cmd
	}
}

// chat is ada's inbox: the messages her client received, as they arrive.
type chat struct {
	From, ID, Body string
}

// receive signs ada in with the test's Node client and returns her inbox.
func (p *prosody) receive(t testing.TB) <-chan chat {
	t.Helper()
	cmd := exec.Command("node", "receive.js", "ada@localhost", adaPassword, p.Service)
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	inbox := make(chan chat, 1000)
	online := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			var m struct {
				Online bool
				chat
			}
			if json.Unmarshal(sc.Bytes(), &m) == nil && m.Online {
				close(online)
			} else {
				inbox <- m.chat
			}
		}
	}()
	select {
	case <-online:
	case <-time.After(15 * time.Second):
		t.Fatal("ada's client did not sign in within 15s")
	}
	return inbox
}

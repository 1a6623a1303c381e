package testkit

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Kannel is a real Kannel SMS gateway on loopback: bearerbox, the fake
// SMSC that logs every SMS it receives, and smsbox serving HTTP sendsms
// at URL for user KannelUser with password KannelPassword.
type Kannel struct {
	URL     string
	dir     string
	conf    string
	smsAddr string
	stopSMS func()
}

// The sendsms account of every test Kannel.
const (
	KannelUser     = "portico"
	KannelPassword = "sendsms-secret"
)

// StartKannel starts Kannel for the test, or skips the test when the
// Debian packages kannel and kannel-extras are not installed.
func StartKannel(t testing.TB) *Kannel {
	t.Helper()
	fakesmsc := "/usr/lib/kannel/test/fakesmsc"
	for _, bin := range []string{"/usr/sbin/bearerbox", "/usr/sbin/smsbox", fakesmsc} {
		if _, err := os.Stat(bin); err != nil {
			t.Skipf("%s is missing: apt-get install kannel kannel-extras to run this test against a real SMS gateway", bin)
		}
	}
	dir := t.TempDir()
	p := [4]int{freePort(t), freePort(t), freePort(t), freePort(t)}
	k := &Kannel{URL: fmt.Sprintf("http://127.0.0.1:%d/cgi-bin/sendsms", p[3]), dir: dir,
		conf: filepath.Join(dir, "kannel.conf"), smsAddr: fmt.Sprintf("127.0.0.1:%d", p[3])}
	if err := os.WriteFile(k.conf, []byte(kannelConf(dir, p)), 0o600); err != nil {
		t.Fatal(err)
	}
	runServer(t, dir, "bearerbox", fmt.Sprintf("127.0.0.1:%d", p[1]), "/usr/sbin/bearerbox", k.conf)
	// fakesmsc quits at the end of its stdin, so it gets a pipe that stays
	// open; -m 0 makes it generate no messages of its own.
	runServer(t, dir, "fakesmsc", "", fakesmsc, "-H", "127.0.0.1", "-r", fmt.Sprint(p[2]), "-i", "0.1", "-m", "0")
	k.StartSMSBox(t)
	return k
}

// StopSMSBox stops the HTTP side, so that sends fail as unreachable
// until StartSMSBox.
func (k *Kannel) StopSMSBox() { k.stopSMS() }

// StartSMSBox starts smsbox again on the same port.
func (k *Kannel) StartSMSBox(t testing.TB) {
	k.stopSMS = runServer(t, k.dir, "smsbox", k.smsAddr, "/usr/sbin/smsbox", k.conf)
}

// runServer starts one program with its output in dir/NAME.log, waits
// for addr to accept connections, and returns a stop that the test's end
// calls too.
func runServer(t testing.TB, dir, name, addr, bin string, args ...string) func() {
	t.Helper()
	out, err := os.OpenFile(filepath.Join(dir, name+".log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = out, out
	stdin, _ := cmd.StdinPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); out.Close(); close(exited) }()
	stop := func() { cmd.Process.Signal(syscall.SIGTERM); stdin.Close(); <-exited }
	t.Cleanup(stop)
	for deadline := time.Now().Add(15 * time.Second); addr != ""; time.Sleep(50 * time.Millisecond) {
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			c.Close()
			break
		}
		select {
		case <-exited:
			t.Fatalf("%s exited before listening on %s", name, addr)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s does not listen on %s", name, addr)
		}
	}
	return stop
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

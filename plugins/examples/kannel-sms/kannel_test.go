package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

const (
	testUser     = "portico"
	testPassword = "sendsms-secret"
)

// kannel is a real Kannel on loopback ports: bearerbox, the fake SMSC that
// logs every SMS it receives, and smsbox serving HTTP sendsms.
type kannel struct {
	URL     string
	dir     string
	fakeLog string
}

func startKannel(t testing.TB) *kannel {
	t.Helper()
	bearerbox := sdktest.ServerBinary(t, "bearerbox", "kannel")
	smsbox := sdktest.ServerBinary(t, "smsbox", "kannel")
	fakesmsc := "/usr/lib/kannel/test/fakesmsc"
	if _, err := os.Stat(fakesmsc); err != nil {
		sdktest.ServerBinary(t, "fakesmsc", "kannel-extras")
	}
	dir := t.TempDir()
	ports := [4]int{sdktest.FreePort(t), sdktest.FreePort(t), sdktest.FreePort(t), sdktest.FreePort(t)}
	conf := filepath.Join(dir, "kannel.conf")
	if err := os.WriteFile(conf, []byte(kannelConf(dir, ports)), 0o600); err != nil {
		t.Fatal(err)
	}
	k := &kannel{URL: fmt.Sprintf("http://127.0.0.1:%d/cgi-bin/sendsms", ports[3]), dir: dir,
		fakeLog: filepath.Join(dir, "fakesmsc.log")}
	run(t, dir, "bearerbox", fmt.Sprintf("127.0.0.1:%d", ports[1]), bearerbox, conf)
	// fakesmsc reads messages to generate from stdin and quits at its end,
	// so it gets a pipe that stays open; -m 0 generates none.
	run(t, dir, "fakesmsc", "", fakesmsc, "-H", "127.0.0.1", "-r", fmt.Sprint(ports[2]), "-i", "0.1", "-m", "0")
	run(t, dir, "smsbox", fmt.Sprintf("127.0.0.1:%d", ports[3]), smsbox, conf)
	return k
}

// run starts one program with its output in dir/NAME.log, waits for addr
// to accept connections, and stops the program when the test ends.
func run(t testing.TB, dir, name, addr, bin string, args ...string) {
	t.Helper()
	logPath := filepath.Join(dir, name+".log")
	out, err := os.Create(logPath)
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
	t.Cleanup(func() { cmd.Process.Signal(syscall.SIGTERM); stdin.Close(); <-exited })
	if addr != "" {
		sdktest.WaitPort(t, addr, exited, func() string { b, _ := os.ReadFile(logPath); return string(b) })
	}
}

// kannelConf keeps everything on loopback and in dir. The sendsms user may
// send six parts, the plugin's limit; smsbox splits longer texts.
func kannelConf(dir string, p [4]int) string {
	return fmt.Sprintf(`group = core
admin-port = %[2]d
admin-password = admin-secret
admin-interface = 127.0.0.1
smsbox-port = %[3]d
box-allow-ip = 127.0.0.1
log-file = %[1]s/bearerbox.log
access-log = %[1]s/access.log

group = smsc
smsc = fake
smsc-id = FAKE
port = %[4]d
connect-allow-ip = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = %[3]d
sendsms-port = %[5]d
sendsms-interface = 127.0.0.1
log-file = %[1]s/smsbox.log

group = sendsms-user
username = %[6]s
password = %[7]s
max-messages = 6
concatenation = true

group = sms-service
keyword = default
text = "ok"
`, dir, p[0], p[1], p[2], p[3], testUser, testPassword)
}

// received reads the fake SMSC's log.
func (k *kannel) received(t testing.TB) []sms {
	t.Helper()
	f, err := os.Open(k.fakeLog)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, _ := io.ReadAll(f)
	return parseFakeLog(bytes.NewReader(data))
}

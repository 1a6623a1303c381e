package kanneltest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

// The sendsms account the gateway accepts.
const (
	User     = "portico"
	Password = "sendsms-secret"
)

// Kannel is a running gateway.
type Kannel struct {
	// URL is smsbox's sendsms URL, as the kannel-sms plugin's "url".
	URL     string
	dir     string
	fakeLog string
}

// Start starts bearerbox, the fake SMSC and smsbox, stopped when the test
// ends; a machine without Kannel fails the test with how to install it.
func Start(t testing.TB) *Kannel {
	t.Helper()
	bearerbox := sdktest.ServerBinary(t, "bearerbox", "kannel")
	smsbox := sdktest.ServerBinary(t, "smsbox", "kannel")
	fakesmsc := "/usr/lib/kannel/test/fakesmsc"
	if _, err := os.Stat(fakesmsc); err != nil {
		fakesmsc = sdktest.ServerBinary(t, "fakesmsc", "kannel-extras")
	}
	dir := t.TempDir()
	ports := [4]int{sdktest.FreePort(t), sdktest.FreePort(t), sdktest.FreePort(t), sdktest.FreePort(t)}
	conf := filepath.Join(dir, "kannel.conf")
	if err := os.WriteFile(conf, []byte(config(dir, ports)), 0o600); err != nil {
		t.Fatal(err)
	}
	k := &Kannel{URL: fmt.Sprintf("http://127.0.0.1:%d/cgi-bin/sendsms", ports[3]), dir: dir,
		fakeLog: filepath.Join(dir, "fakesmsc.log")}
	run(t, dir, "bearerbox", fmt.Sprintf("127.0.0.1:%d", ports[1]), bearerbox, conf)
	// fakesmsc generates the messages it reads from stdin and quits at
	// its end, so it gets a pipe that stays open; -m 0 generates none.
	run(t, dir, "fakesmsc", "", fakesmsc, "-H", "127.0.0.1", "-r", fmt.Sprint(ports[2]), "-i", "0.1", "-m", "0")
	run(t, dir, "smsbox", fmt.Sprintf("127.0.0.1:%d", ports[3]), smsbox, conf)
	return k
}

// Config is the kannel-sms plugin's instance configuration for this
// gateway, numbers without a country code read as Korean ones.
func (k *Kannel) Config() string {
	return fmt.Sprintf(`{"url":%q,"username":%q,"from":"Portico","country_code":"82"}`, k.URL, User)
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

// config keeps everything on loopback and in dir; the sendsms user may
// send six parts, the plugin's limit.
func config(dir string, p [4]int) string {
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
`, dir, p[0], p[1], p[2], p[3], User, Password)
}

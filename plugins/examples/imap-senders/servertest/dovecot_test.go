package servertest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

const (
	testUser     = "support"
	testPassword = "support-secret"
)

// dovecot is a real Dovecot IMAP server on a loopback port, with a
// throwaway configuration, one user in a passwd-file and a Maildir.
type dovecot struct {
	Port    int
	Maildir string
	owner   [2]int
}

// startDovecot writes the configuration and starts Dovecot; seed the
// Maildir before the first login, or after it for new messages.
func startDovecot(t testing.TB) *dovecot {
	t.Helper()
	bin := sdktest.ServerBinary(t, "dovecot", "dovecot-imapd")
	dir := t.TempDir()
	d := &dovecot{Port: sdktest.FreePort(t), Maildir: filepath.Join(dir, "home", testUser, "Maildir"), owner: mailOwner(t, dir)}
	for _, sub := range []string{"cur", "new", "tmp"} {
		if err := os.MkdirAll(filepath.Join(d.Maildir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	users := fmt.Sprintf("%s:{PLAIN}%s\n", testUser, testPassword)
	if err := os.WriteFile(filepath.Join(dir, "users"), []byte(users), 0o644); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(dir, "dovecot.conf")
	if err := os.WriteFile(conf, []byte(dovecotConf(dir, d)), 0o644); err != nil {
		t.Fatal(err)
	}
	d.chown(t, filepath.Join(dir, "home"))
	var logs bytes.Buffer
	// -F keeps the master in the foreground, so the test owns the process.
	cmd := exec.Command(bin, "-F", "-c", conf)
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() { cmd.Process.Signal(syscall.SIGTERM); <-exited })
	readLog := func() string {
		b, _ := os.ReadFile(filepath.Join(dir, "dovecot.log"))
		return logs.String() + string(b)
	}
	sdktest.WaitPort(t, fmt.Sprintf("127.0.0.1:%d", d.Port), exited, readLog)
	return d
}

// dovecotConf keeps everything under dir: sockets, state, log, mail.
// Plain-text login without TLS is allowed because it never leaves loopback.
func dovecotConf(dir string, d *dovecot) string {
	return fmt.Sprintf(`base_dir = %[1]s/run
state_dir = %[1]s/state
log_path = %[1]s/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%%u %[1]s/users
}
userdb {
  driver = static
  args = uid=%[3]d gid=%[4]d home=%[1]s/home/%%u
}
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = %[2]d
  }
  inet_listener imaps {
    port = 0
  }
}
`, dir, d.Port, d.owner[0], d.owner[1])
}

// mailOwner is the user the mail processes run as: the current user, or
// nobody when the tests run as root (Dovecot refuses root for mail). The
// test folders are opened up so that user can reach the Maildir.
func mailOwner(t testing.TB, dir string) [2]int {
	t.Helper()
	if os.Geteuid() != 0 {
		return [2]int{os.Getuid(), os.Getgid()}
	}
	u, err := user.Lookup("nobody")
	if err != nil {
		t.Fatal(err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	for _, p := range []string{dir, filepath.Dir(dir)} {
		if err := os.Chmod(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return [2]int{uid, gid}
}

// chown gives the mail user a tree the test wrote.
func (d *dovecot) chown(t testing.TB, root string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return
	}
	err := filepath.Walk(root, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, d.owner[0], d.owner[1])
	})
	if err != nil {
		t.Fatal(err)
	}
}

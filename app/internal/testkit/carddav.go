package testkit

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

// CardDAV user and first password of an AddressBook.
const (
	CardDAVUser = "alice"
	CardDAVPass = "alice-secret"
)

// AddressBook is Debian's Radicale on a loopback port with one user and
// an empty address book, killed by PID when the test ends. Stop and Start
// keep the port and the storage, for outages. Without Radicale the test
// is skipped, and fails in CI, which installs it.
type AddressBook struct {
	// URL is the address book collection's URL.
	URL string
	// Addr is the host:port Radicale listens on.
	Addr   string
	t      testing.TB
	bin    string
	dir    string
	pass   string
	cmd    *exec.Cmd
	exited chan struct{}
	logs   *sdktest.Logs
}

// StartAddressBook starts Radicale over a fresh folder.
func StartAddressBook(t testing.TB) *AddressBook {
	t.Helper()
	b := &AddressBook{t: t, bin: sdktest.ServerBinary(t, "radicale", "radicale"), dir: t.TempDir(),
		Addr: fmt.Sprintf("127.0.0.1:%d", sdktest.FreePort(t))}
	b.URL = fmt.Sprintf("http://%s/%s/contacts/", b.Addr, CardDAVUser)
	props := `{"D:displayname": "Contacts", "tag": "VADDRESSBOOK"}`
	if err := os.MkdirAll(b.bookDir(), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(b.bookDir(), ".Radicale.props"), []byte(props), 0o600); err != nil {
		t.Fatal(err)
	}
	b.SetPassword(CardDAVPass)
	b.Start()
	t.Cleanup(b.Stop)
	return b
}

// Start runs Radicale again after Stop, on the same port and storage.
func (b *AddressBook) Start() {
	b.t.Helper()
	b.logs = &sdktest.Logs{}
	b.cmd = exec.Command(b.bin, "--server-hosts", b.Addr, "--auth-type", "htpasswd",
		"--auth-htpasswd-filename", filepath.Join(b.dir, "users"), "--auth-htpasswd-encryption", "plain",
		"--rights-type", "owner_only", "--storage-filesystem-folder", filepath.Join(b.dir, "collections"),
		"--logging-level", "warning")
	b.cmd.Stdout, b.cmd.Stderr = b.logs, b.logs
	if err := b.cmd.Start(); err != nil {
		b.t.Fatal(err)
	}
	b.exited = make(chan struct{})
	go func(cmd *exec.Cmd, done chan struct{}) { cmd.Wait(); close(done) }(b.cmd, b.exited)
	sdktest.WaitPortWithin(b.t, b.Addr, 20*time.Second, b.exited, b.Logs)
}

// Stop kills Radicale; the storage stays for Start.
func (b *AddressBook) Stop() {
	select {
	case <-b.exited:
	default:
		b.cmd.Process.Kill()
		<-b.exited
	}
}

// Logs is what Radicale wrote since it last started; it may still be
// writing.
func (b *AddressBook) Logs() string { return b.logs.String() }

func (b *AddressBook) bookDir() string {
	return filepath.Join(b.dir, "collections", "collection-root", CardDAVUser, "contacts")
}

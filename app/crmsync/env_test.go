package crmsync_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/company"
	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/crmsync"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/store"
)

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// connector builds the carddav-sync example once per test binary.
func connector(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "carddav-sync-")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "carddav-sync")
		cmd := exec.Command("go", "build", "-o", builtBin, ".")
		cmd.Dir = filepath.Join("..", "..", "plugins", "examples", "carddav-sync")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = &buildError{string(out)}
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

type buildError struct{ out string }

func (e *buildError) Error() string { return "build carddav-sync: " + e.out }

// env is a Portico with the CardDAV connector approved and configured for
// a fresh Radicale, and a CardDAV client of the same address book.
type env struct {
	t         testing.TB
	ctx       context.Context
	st        *store.Store
	host      *pluginhost.Host
	engine    *crmsync.Engine
	contacts  *contact.Service
	companies *company.Service
	dav       *dav
	rad       *testkit.AddressBook
	id        int64
	agent     model.Actor
}

func newEnv(t testing.TB) *env { return newEnvTimeout(t, 10) }

// newEnvTimeout sets the connector's request timeout: Radicale's first
// report of a large book takes minutes.
func newEnvTimeout(t testing.TB, seconds int) *env {
	t.Helper()
	rad := testkit.StartAddressBook(t)
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	plugins := t.TempDir()
	copyFile(t, filepath.Join("..", "..", "plugins", "examples", "carddav-sync", "plugin.json"), filepath.Join(plugins, "carddav-sync", "plugin.json"))
	copyFile(t, connector(t), filepath.Join(plugins, "carddav-sync", "bin", "carddav-sync"))
	h, err := pluginhost.New(pluginhost.Options{Dir: plugins, Store: st, Backoff: 100 * time.Millisecond, CrashLimit: 100})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(h.Close)
	if err := h.Approve(ctx, "carddav-sync", nil, 0); err != nil {
		t.Fatal(err)
	}
	id, err := st.SavePluginInstance(ctx, model.PluginInstance{PluginID: "carddav-sync", Name: "Book",
		Config:  `{"url": "` + rad.URL + `", "username": "` + testkit.CardDAVUser + `", "timeout_seconds": ` + strconv.Itoa(seconds) + `}`,
		Secrets: map[string]string{"password": testkit.CardDAVPass}})
	if err != nil {
		t.Fatal(err)
	}
	cs := &contact.Service{Store: st}
	cos := &company.Service{Store: st}
	e := &env{t: t, ctx: ctx, st: st, host: h, contacts: cs, dav: newDAV(t, rad), rad: rad, id: id,
		agent:     model.Actor{Name: "Agent"},
		companies: cos,
		engine:    &crmsync.Engine{Store: st, Plugins: h, Contacts: cs, Companies: cos, MaxBackoff: time.Millisecond}}
	return e
}

// configure stores the default settings; Portico deletes reach the
// remote when deletes is "delete".
func (e *env) configure(deletes string) { e.configureFor("contacts", deletes) }

// configureFor syncs objects: contacts, companies or both.
func (e *env) configureFor(objects, deletes string) {
	e.t.Helper()
	err := e.engine.Configure(e.ctx, e.id, crmsync.Settings{Objects: objects, RemoteDelete: "flag", PorticoDelete: deletes})
	if err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) sync() {
	e.t.Helper()
	if err := e.engine.SyncNow(e.ctx, e.id); err != nil {
		e.t.Fatal(err)
	}
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o755); err != nil {
		t.Fatal(err)
	}
}

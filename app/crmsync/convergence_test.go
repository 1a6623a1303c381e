package crmsync_test

import (
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/model"
)

var seed = flag.Uint64("seed", 0, "seed of TestSyncConverges; 0 runs seeds 1, 2 and 3")

// TestSyncConverges edits, creates and deletes contacts at random on both
// sides (Portico through its contact service, the address book through a
// plain CardDAV client), syncing in between, killing the plugin and
// stopping the server now and then; at the end both sides hold the same
// records under the mapping, with no duplicate on either side.
func TestSyncConverges(t *testing.T) {
	seeds := []uint64{1, 2, 3}
	if *seed != 0 {
		seeds = []uint64{*seed}
	}
	steps := 60
	if testing.Short() {
		steps = 30
	}
	for _, s := range seeds {
		t.Run(fmt.Sprint("seed ", s), func(t *testing.T) {
			w := newWorld(t, s)
			for range steps {
				w.step()
			}
			w.settle()
			w.check()
			t.Logf("seed %d: %d steps, %d contacts, %d companies, %d cards, %d crashes, %d outages", s, steps,
				len(w.liveContacts()), len(w.companyIDs()), len(w.e.dav.cards()), w.crashes, w.outages)
		})
	}
}

// world is one convergence run: the env, the random source and a counter
// that keeps every address unique, so no create can meet a taken one.
type world struct {
	t                *testing.T
	e                *env
	rnd              *rand.Rand
	n                int
	down             bool
	crashes, outages int
}

func newWorld(t *testing.T, s uint64) *world {
	w := &world{t: t, e: newEnv(t), rnd: rand.New(rand.NewPCG(s, s))}
	for range 6 {
		w.e.create(w.contactInput())
	}
	for range 6 {
		w.remoteCreate()
	}
	for range 3 {
		w.companyCreate()
		w.remoteOrgCreate()
	}
	w.e.configureFor("both", "delete")
	if _, err := w.e.engine.Confirm(w.e.ctx, w.e.id); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *world) next() int { w.n++; return w.n }

func (w *world) contactInput() contact.Input {
	n := w.next()
	return contact.Input{Name: fmt.Sprintf("Person %d", n), Emails: []string{fmt.Sprintf("p%d@example.org", n)},
		JobTitle: w.pick("", "Analyst", "Engineer"), Tags: w.pick("", "vip", "vip,beta")}
}

func (w *world) pick(s ...string) string { return s[w.rnd.IntN(len(s))] }

// step does one random thing.
func (w *world) step() {
	switch k := w.rnd.IntN(25); {
	case k < 4:
		w.porticoEdit()
	case k < 5:
		w.e.create(w.contactInput())
	case k < 6:
		w.porticoDelete()
	case k < 10:
		w.remoteEdit()
	case k < 11:
		w.remoteCreate()
	case k < 12:
		w.remoteDelete()
	case k < 17:
		w.e.engine.Resume(w.e.ctx, w.e.id)
		w.e.engine.SyncNow(w.e.ctx, w.e.id)
	case k < 18:
		w.crashDuringSync()
	case k < 19:
		w.toggleServer()
	default:
		w.companyStep()
	}
}

func (w *world) liveContacts() []*model.Contact {
	ids, err := w.e.st.LiveContactIDs(w.e.ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	var out []*model.Contact
	for _, id := range ids {
		c, err := w.e.st.Contact(w.e.ctx, id)
		if err != nil {
			w.t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

func (w *world) porticoEdit() {
	cs := w.liveContacts()
	if len(cs) == 0 {
		return
	}
	c := cs[w.rnd.IntN(len(cs))]
	in := contact.InputOf(c.Fields())
	var err error
	switch w.rnd.IntN(4) {
	case 0:
		in.JobTitle = w.pick("Analyst", "Engineer", "Manager", "")
		err = w.e.contacts.Update(w.e.ctx, w.e.agent, c.ID, in)
	case 1:
		in.Phone = fmt.Sprintf("+1 555 %04d", w.next())
		err = w.e.contacts.Update(w.e.ctx, w.e.agent, c.ID, in)
	case 2:
		err = w.e.contacts.SetTags(w.e.ctx, w.e.agent, c.ID, w.pick("", "vip", "beta,gold"))
	default:
		err = w.e.contacts.AddEmail(w.e.ctx, w.e.agent, c.ID, fmt.Sprintf("extra%d@example.org", w.next()))
	}
	if err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) porticoDelete() {
	cs := w.liveContacts()
	if len(cs) > 0 {
		if err := w.e.contacts.ChangeState(w.e.ctx, w.e.agent, cs[w.rnd.IntN(len(cs))].ID, "deleted"); err != nil {
			w.t.Fatal(err)
		}
	}
}

// The remote's own edits happen only while the server runs: the client
// is another person's, not the connector.
func (w *world) remoteNames() []string {
	if w.down {
		return nil
	}
	return slices.Sorted(maps.Keys(w.e.dav.cards()))
}

func (w *world) remoteEdit() {
	names := w.remoteNames()
	if len(names) == 0 {
		return
	}
	name := names[w.rnd.IntN(len(names))]
	cd := w.e.dav.cards()[name]
	switch w.rnd.IntN(4) {
	case 0:
		cd.Title = w.pick("Director", "Analyst", "")
	case 1:
		cd.Note = fmt.Sprintf("Note %d", w.next())
	case 2:
		cd.Tags = strings.Split(w.pick("vip", "gold,beta", "remote"), ",")
	default:
		cd.Name = fmt.Sprintf("Renamed %d", w.next())
	}
	w.e.dav.put(name, cd)
}

func (w *world) remoteCreate() {
	if w.down {
		return
	}
	n := w.next()
	w.e.dav.put(fmt.Sprintf("r%d.vcf", n), card{Name: fmt.Sprintf("Remote %d", n), Emails: []string{fmt.Sprintf("r%d@example.org", n)},
		Title: w.pick("", "Buyer")})
}

func (w *world) remoteDelete() {
	if names := w.remoteNames(); len(names) > 0 {
		w.e.dav.remove(names[w.rnd.IntN(len(names))])
	}
}

// crash kills the connector's process; the host starts it again.
func (w *world) crash() {
	exes, _ := filepath.Glob("/proc/[0-9]*/exe")
	for _, p := range exes {
		if exe, err := os.Readlink(p); err == nil && strings.HasPrefix(exe, w.e.host.Dir()) {
			var pid int
			fmt.Sscanf(p, "/proc/%d/exe", &pid)
			syscall.Kill(pid, syscall.SIGKILL)
			w.crashes++
		}
	}
}

// crashDuringSync kills the connector a moment into a sync: in the middle
// of a pull or a push, or just before one.
func (w *world) crashDuringSync() {
	done := make(chan struct{})
	delay := time.Duration(w.rnd.IntN(40)) * time.Millisecond
	go func() {
		defer close(done)
		time.Sleep(delay)
		w.crash()
	}()
	w.e.engine.Resume(w.e.ctx, w.e.id)
	w.e.engine.SyncNow(w.e.ctx, w.e.id)
	<-done
}

func (w *world) toggleServer() {
	if w.down {
		w.e.rad.Start()
	} else {
		w.e.rad.Stop()
		w.outages++
	}
	w.down = !w.down
}

package crmsync_test

import (
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

// faultProxy stands between the connector and Radicale and, when told,
// refuses every write with 412 or answers everything with 503.
type faultProxy struct {
	mode atomic.Value // "", "412" or "503"
	srv  *httptest.Server
}

// viaProxy points the connector at a fault proxy in front of Radicale.
func (e *env) viaProxy() *faultProxy {
	e.t.Helper()
	target, _ := url.Parse("http://" + e.rad.Addr)
	rp := httputil.NewSingleHostReverseProxy(target)
	p := &faultProxy{}
	p.mode.Store("")
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch mode := p.mode.Load().(string); {
		case mode == "503":
			w.Header().Set("Retry-After", "30")
			http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
		case mode == "412" && (r.Method == http.MethodPut || r.Method == http.MethodDelete):
			http.Error(w, "precondition failed", http.StatusPreconditionFailed)
		default:
			rp.ServeHTTP(w, r)
		}
	}))
	e.t.Cleanup(p.srv.Close)
	in, err := e.st.PluginInstance(e.ctx, e.id)
	if err != nil {
		e.t.Fatal(err)
	}
	in.Config = strings.Replace(in.Config, "http://"+e.rad.Addr, p.srv.URL, 1)
	if _, err := e.st.SavePluginInstance(e.ctx, *in); err != nil {
		e.t.Fatal(err)
	}
	return p
}

func TestA412OnEveryWriteFailsTheRecordAloneUntilRetried(t *testing.T) {
	e, ada := running(t, "keep")
	p := e.viaProxy()
	p.mode.Store("412")
	e.setTitle(ada, "Refused")
	e.sync()
	f, _ := e.st.CRMFailures(e.ctx, e.id, 10)
	if len(f) != 1 || f[0].Direction != "out" || f[0].LocalID != ada {
		t.Fatalf("failures %+v, want Ada's write", f)
	}
	if ov, _ := e.engine.Overview(e.ctx, e.id); ov.Status != "running" {
		t.Errorf("one record's refusal stopped the connector: %q", ov.Status)
	}
	p.mode.Store("")
	if err := e.engine.Retry(e.ctx, e.id, f[0].ID); err != nil {
		t.Fatal(err)
	}
	if cd := e.dav.cards()["ada.vcf"]; cd.Title != "Refused" {
		t.Errorf("after the retry the card's title is %q", cd.Title)
	}
	if f, _ := e.st.CRMFailures(e.ctx, e.id, 10); len(f) != 0 {
		t.Errorf("failures after the retry: %+v", f)
	}
}

func TestA503BacksTheConnectorOffAsTheServerAsks(t *testing.T) {
	e, ada := running(t, "keep")
	p := e.viaProxy()
	e.engine.MaxBackoff = 0
	p.mode.Store("503")
	e.setTitle(ada, "Later")
	if err := e.engine.SyncNow(e.ctx, e.id); err == nil {
		t.Fatal("a sync through a 503 succeeded")
	}
	ov, _ := e.engine.Overview(e.ctx, e.id)
	if ov.Status != "backing_off" || ov.NextRunAt == nil || ov.NextRunAt.Sub(*ov.LastRunAt).Seconds() > 40 || ov.NextRunAt.Sub(*ov.LastRunAt).Seconds() < 20 {
		t.Fatalf("after the 503: %q until %v (last run %v), error %q", ov.Status, ov.NextRunAt, ov.LastRunAt, ov.Connector.LastError)
	}
	e.sync() // backing off: nothing happens, nothing fails
	p.mode.Store("")
	if err := e.engine.Resume(e.ctx, e.id); err != nil {
		t.Fatal(err)
	}
	e.sync()
	if cd := e.dav.cards()["ada.vcf"]; cd.Title != "Later" {
		t.Errorf("after the outage the card's title is %q", cd.Title)
	}
}

package crmsync_test

import (
	"strings"
	"testing"
)

func TestAChangedPasswordStopsTheConnectorWithAClearErrorUntilFixed(t *testing.T) {
	e, ada := running(t, "keep")
	e.engine.MaxBackoff = 0 // the default hour: the connector is backing off when the page is read
	e.rad.SetPassword("new-secret")
	e.setTitle(ada, "Waiting")
	if err := e.engine.SyncNow(e.ctx, e.id); err == nil {
		t.Fatal("a sync with a refused password succeeded")
	}
	ov, _ := e.engine.Overview(e.ctx, e.id)
	if ov.Status != "backing_off" || !strings.Contains(ov.Connector.LastError, "password") {
		t.Fatalf("after the 401: status %q, error %q", ov.Status, ov.Connector.LastError)
	}
	in, _ := e.st.PluginInstance(e.ctx, e.id)
	in.Secrets = map[string]string{"password": "new-secret"}
	if _, err := e.st.SavePluginInstance(e.ctx, *in); err != nil {
		t.Fatal(err)
	}
	if err := e.engine.Resume(e.ctx, e.id); err != nil {
		t.Fatal(err)
	}
	e.sync()
	if title := newDAVAs(t, e.rad, "new-secret").get("ada.vcf").Value("TITLE"); title != "Waiting" {
		t.Errorf("the change made while the password was wrong did not go out: %q", title)
	}
}

func TestAnUnreadableCardIsAFailureAndThePullGoesOn(t *testing.T) {
	e, _ := running(t, "keep")
	e.rad.Seed("broken.vcf", "BEGIN:VCARD\nVERSION:3.0\nUID:broken\nFN:\nEND:VCARD")
	e.dav.put("alan.vcf", card{Name: "Alan Turing", Emails: []string{"alan@bletchley.example"}})
	e.sync()
	f, _ := e.st.CRMFailures(e.ctx, e.id, 10)
	if len(f) != 1 || f[0].RemoteID != "broken.vcf" || !strings.Contains(f[0].Reason, "FN") {
		t.Fatalf("failures %+v", f)
	}
	if _, err := e.st.CRMLinkByRemote(e.ctx, e.id, "contact", "alan.vcf"); err != nil {
		t.Errorf("the card after the broken one was not pulled: %v", err)
	}
	e.dav.put("broken.vcf", card{Name: "Fixed", Emails: []string{"fixed@example.org"}})
	e.sync()
	if f, _ := e.st.CRMFailures(e.ctx, e.id, 10); len(f) != 0 {
		t.Errorf("the fixed card still fails: %+v", f)
	}
}

package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// TestAdminSeesAConnectorAndPausesIt opens a connector's page in each
// state and pauses and resumes it through the CSRF flow; its failures
// are retried only from their own connector's page, and agents see none
// of it.
func TestAdminSeesAConnectorAndPausesIt(t *testing.T) {
	ts := newPluginServer(t)
	c := ts.admin()
	ctx := context.Background()
	id, err := ts.store.SavePluginInstance(ctx, model.PluginInstance{PluginID: "hello-go", Name: "Book"})
	if err != nil {
		t.Fatal(err)
	}
	page := fmt.Sprintf("/admin/plugins/hello-go/instances/%d/sync", id)
	resp, body := c.get(page)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "Choose what this connector keeps in step") {
		t.Fatalf("a connector without settings: %s", mainOf(body))
	}
	if err := ts.store.SaveCRMConnector(ctx, model.CRMConnector{InstanceID: id, Objects: "contacts", RemoteDelete: "flag", PorticoDelete: "keep"}); err != nil {
		t.Fatal(err)
	}
	if _, body = c.get(page); !strings.Contains(body, "Review the first sync") {
		t.Fatalf("a connector in setup: %s", mainOf(body))
	}
	if err := ts.store.SetCRMState(ctx, id, "running"); err != nil {
		t.Fatal(err)
	}
	ts.store.SaveCRMLink(ctx, model.CRMLink{InstanceID: id, Object: "contact", LocalID: 1, RemoteID: "ada.vcf", State: "linked"})
	ts.store.AddCRMConflict(ctx, model.CRMConflict{InstanceID: id, Object: "contact", LocalID: 1, RemoteID: "ada.vcf",
		Field: "job_title", PorticoValue: "Analyst", RemoteValue: "Countess", Rule: "latest_wins", Kept: "remote"})
	ts.store.AddCRMFailure(ctx, model.CRMFailure{InstanceID: id, Direction: "in", Object: "contact", RemoteID: "bob.vcf", Reason: "address taken"})
	resp, body = c.get(page)
	wantStatus(t, resp, body, http.StatusOK)
	for _, want := range []string{"ada.vcf", "Countess", "address taken", ">Retry<", ">Sync now<", ">Pause<"} {
		if !strings.Contains(body, want) {
			t.Errorf("the running connector's page lacks %q", want)
		}
	}
	if resp, _ = c.postRaw(page+"/paused", url.Values{"paused": {"true"}}); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("pause without CSRF: %d", resp.StatusCode)
	}
	resp, body = c.post(page+"/paused", url.Values{"paused": {"true"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if conn, _ := ts.store.CRMConnector(ctx, id); !conn.Paused {
		t.Fatal("the connector was not paused")
	}
	if _, body = c.get(page); !strings.Contains(body, "Paused. Changes wait") || !strings.Contains(body, ">Resume<") {
		t.Fatalf("after pausing: %s", mainOf(body))
	}
	resp, body = c.post(page+"/paused", url.Values{})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if conn, _ := ts.store.CRMConnector(ctx, id); conn.Paused {
		t.Fatal("the connector was not resumed")
	}

	other, _ := ts.store.SavePluginInstance(ctx, model.PluginInstance{PluginID: "hello-go", Name: "Other"})
	ts.store.SaveCRMConnector(ctx, model.CRMConnector{InstanceID: other, Objects: "contacts", RemoteDelete: "flag", PorticoDelete: "keep"})
	ts.store.AddCRMFailure(ctx, model.CRMFailure{InstanceID: other, Direction: "in", Object: "contact", RemoteID: "x.vcf", Reason: "bad card"})
	f, _ := ts.store.CRMFailures(ctx, other, 1)
	resp, body = c.post(fmt.Sprintf("%s/failures/%d/retry", page, f[0].ID), url.Values{})
	wantStatus(t, resp, body, http.StatusNotFound)

	agent := ts.agentClient("Bo Agent", "bo@example.com")
	if resp, _ := agent.get(page); resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusNotFound {
		t.Errorf("an agent opened the connector page: %d", resp.StatusCode)
	}
}

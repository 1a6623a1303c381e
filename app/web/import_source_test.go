package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestImportContactsFromAnInstalledSource(t *testing.T) {
	ts := newPluginServer(t)
	ts.runJobs()
	c := ts.admin()
	_, body := c.get("/contacts/import/source")
	if !strings.Contains(body, "No installed source yet") {
		t.Fatalf("empty state missing: %s", body)
	}
	_, body = c.get("/admin/plugins/hello-go/approve")
	files := regexp.MustCompile(`name="file" value="([^"]+)"`).FindAllStringSubmatch(body, -1)
	c.post("/admin/plugins/hello-go/approve", url.Values{"file": {files[0][1], files[1][1]}})
	resp, body := c.post("/admin/plugins/hello-go/instances", url.Values{"name": {"Sales"}, "f_count": {"30"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	inst := strings.TrimPrefix(resp.Header.Get("Location"), "/admin/plugins/hello-go/instances/")
	_, body = c.get("/contacts/import/source")
	if !strings.Contains(body, "Hello (Go): Sales") {
		t.Fatalf("source missing: %s", body)
	}
	resp, body = c.post("/contacts/import/source", url.Values{"instance": {inst}, "mode": {"upsert"}, "match": {"email"},
		"blank": {"keep"}, "action": {"dry"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	body = waitFor(t, c, resp.Header.Get("Location"), "Finished")
	if !regexp.MustCompile(`count-created"><dt>Would create</dt><dd>27<`).MatchString(body) || ts.countContacts() != 0 {
		t.Fatalf("dry run page: %s", body)
	}
	resp, body = c.post("/contacts/import/source", url.Values{"instance": {inst}, "mode": {"upsert"}, "match": {"email"},
		"blank": {"keep"}, "action": {"start"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	page := resp.Header.Get("Location")
	body = waitFor(t, c, page, "Finished")
	if !regexp.MustCompile(`count-created"><dt>Created</dt><dd>27<`).MatchString(body) || strings.Contains(body, "original file") {
		t.Fatalf("import page: %s", body)
	}
}

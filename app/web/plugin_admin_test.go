package web_test

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/internal/testkit"
)

func TestAdminApprovesConfiguresAndTestsAPlugin(t *testing.T) {
	ts := newPluginServer(t)
	c := ts.admin()
	resp, body := c.get("/admin/plugins")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "Hello (Go)") || !strings.Contains(body, "not approved") {
		t.Fatalf("list: %s", body)
	}
	resp, body = c.get("/admin/plugins/hello-go/approve")
	wantStatus(t, resp, body, http.StatusOK)
	files := regexp.MustCompile(`name="file" value="([^"]+)"`).FindAllStringSubmatch(body, -1)
	if len(files) != 2 || !regexp.MustCompile(`bin/hello-go=[0-9a-f]{64}`).MatchString(files[0][1]) {
		t.Fatalf("approve page: %s", body)
	}
	if resp, body = c.postRaw("/admin/plugins/hello-go/approve", url.Values{"file": {files[0][1]}}); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("approve without CSRF: %d", resp.StatusCode)
	}
	resp, body = c.post("/admin/plugins/hello-go/approve", url.Values{"file": {files[0][1], files[1][1]}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	waitFor(t, c, "/admin/plugins/hello-go", ">running<")

	resp, body = c.post("/admin/plugins/hello-go/instances", url.Values{"name": {"Sales"}, "f_count": {"-1"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "Minimum: got -1, want 0.") {
		t.Fatalf("field error missing: %s", body)
	}
	resp, body = c.post("/admin/plugins/hello-go/instances", url.Values{"name": {"Sales"}, "f_count": {"7"}, "f_domain": {"sales.test"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	inst := resp.Header.Get("Location")
	_, body = c.get(inst)
	resp, body = c.post(inst+"/test", url.Values{}, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "Ready to generate 7 records at sales.test") {
		t.Fatalf("test connection: %s", body)
	}
	_, body = c.get(inst)
	if !strings.Contains(body, "Test connection: Ready to generate 7") {
		t.Fatalf("activity missing: %s", body)
	}
}

func TestAgentsCannotSeePlugins(t *testing.T) {
	ts := newPluginServer(t)
	ts.admin()
	c := ts.agentClient("Bo Agent", "bo@example.com")
	for _, path := range []string{"/admin/plugins", "/admin/plugins/hello-go", "/admin/plugins/hello-go/approve"} {
		if resp, _ := c.get(path); resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
	}
}

// waitFor reloads a page until it contains want.
func waitFor(t *testing.T, c *client, path, want string) string {
	t.Helper()
	var body string
	testkit.Eventually(t, 20*time.Second, func() bool {
		_, body = c.get(path)
		return strings.Contains(body, want)
	}, "%s never showed %q", path, want)
	return body
}

// TestApprovingAPluginMissingAFileSaysSo removes the binary the manifest
// names, as in a folder copied before it was built: the approval page
// says which file is missing and how to build it, instead of failing.
func TestApprovingAPluginMissingAFileSaysSo(t *testing.T) {
	ts := newPluginServer(t)
	c := ts.admin()
	if err := os.Remove(filepath.Join(ts.cfg.PluginsDir, "hello-go", "bin", "hello-go")); err != nil {
		t.Fatal(err)
	}
	resp, body := c.get("/admin/plugins/hello-go/approve")
	wantStatus(t, resp, body, http.StatusConflict)
	wantContains(t, body, "a file its plugin.json names is missing (hello-go)", "make plugins")
}

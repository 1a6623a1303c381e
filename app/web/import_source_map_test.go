package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// sourceInstance approves hello-go and gives it an instance generating
// count records; it returns the instance's id.
func sourceInstance(t *testing.T, c *client, name, count string) string {
	t.Helper()
	_, body := c.get("/admin/plugins/hello-go/approve")
	files := regexp.MustCompile(`name="file" value="([^"]+)"`).FindAllStringSubmatch(body, -1)
	if len(files) > 0 {
		c.post("/admin/plugins/hello-go/approve", url.Values{"file": {files[0][1], files[1][1]}})
	}
	resp, body := c.post("/admin/plugins/hello-go/instances", url.Values{"name": {name}, "f_count": {count}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	return strings.TrimPrefix(resp.Header.Get("Location"), "/admin/plugins/hello-go/instances/")
}

// TestPluginImportFieldsAreMappedInTheBrowser maps the plugin's fields on
// the source page: without Name it is refused with the file wizard's
// message; with Company and Tags skipped the contacts come without them.
func TestPluginImportFieldsAreMappedInTheBrowser(t *testing.T) {
	ts := newPluginServer(t)
	ts.runJobs()
	c := ts.admin()
	inst := sourceInstance(t, c, "Sales", "30")
	_, body := c.get("/contacts/import/source")
	form := url.Values{"instance": {inst}, "mode": {"upsert"}, "match": {"email"}, "blank": {"keep"}, "action": {"start"}, "mapped": {"1"}}
	sel := regexp.MustCompile(`(?s)<th scope="row">([^<]+)</th>\s*<td><select name="(col_\d+)".*?<option value="([^"]*)" selected>`)
	found := sel.FindAllStringSubmatch(body, -1)
	if len(found) != 13 {
		t.Fatalf("%d mapped fields on the source page, want 13:\n%s", len(found), body)
	}
	for _, m := range found {
		form.Set(m[2], m[3])
		if m[1] == "Company" || m[1] == "Tags" {
			form.Set(m[2], "")
		}
	}
	if form.Get("col_1") != "name" || form.Get("col_10") != "" {
		t.Fatalf("Name is not the second field, mapped to name:\n%s", body)
	}
	noName := url.Values{}
	for k, v := range form {
		noName[k] = v
	}
	noName.Set("col_1", "")
	resp, body := c.post("/contacts/import/source", noName)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Map a column to Name", `<option value="" selected>Skip this column</option><option value="name" >`)
	resp, body = c.post("/contacts/import/source", form)
	wantStatus(t, resp, body, http.StatusSeeOther)
	body = waitFor(t, c, resp.Header.Get("Location"), "Finished")
	wantContains(t, body, `count-created"><dt>Created</dt><dd>27<`, "</strong> of 27 rows")
	page, err := ts.store.ListContacts(context.Background(), model.ContactQuery{Search: "person1@example.com", Page: 1, PerPage: 5})
	if err != nil || len(page.Contacts) != 1 {
		t.Fatalf("contacts %+v (%v)", page, err)
	}
	got, err := ts.store.Contact(context.Background(), page.Contacts[0].ID)
	if err != nil || got.Name != "Person 1" || len(got.Tags) != 0 || len(got.Companies) != 0 {
		t.Errorf("contact %q, tags %v, companies %v (%v): want Person 1 alone", got.Name, got.Tags, got.Companies, err)
	}
}

// TestPluginImportProgressCountsRowsSoFar: while a plugin streams, the
// total is unknown, so the page counts the rows so far rather than "of 0".
func TestPluginImportProgressCountsRowsSoFar(t *testing.T) {
	ts := newPluginServer(t)
	ts.runJobs()
	c := ts.admin()
	inst := sourceInstance(t, c, "Big", "500000")
	resp, body := c.post("/contacts/import/source", url.Values{"instance": {inst}, "mode": {"upsert"}, "match": {"email"},
		"blank": {"keep"}, "action": {"start"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	page := resp.Header.Get("Location")
	body = waitFor(t, c, page, " rows so far")
	if strings.Contains(body, "of 0 rows") || strings.Contains(body, `value="0">0%`) {
		t.Errorf("progress of an unknown total:\n%s", body)
	}
	c.post(page+"/cancel", url.Values{})
	waitFor(t, c, page, "Cancelled")
}

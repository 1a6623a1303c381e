package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/model"
)

// crmFlows renders a CardDAV connector's pages on a server of its own
// over a real address book: the settings form, the first sync's dry run
// (a card matching a contact by address, another new to Portico), and the
// running connector after the confirm.
func crmFlows(t *testing.T, cov *templateCover) {
	book := testkit.StartAddressBook(t)
	book.Put("ada.vcf", "BEGIN:VCARD\nVERSION:3.0\nUID:ada\nFN:Ada Lovelace\nEMAIL:ada@engines.example\nNOTE:Wrote the first program\nEND:VCARD")
	book.Put("alan.vcf", "BEGIN:VCARD\nVERSION:3.0\nUID:alan\nFN:Alan Turing\nEMAIL:alan@bletchley.example\nTITLE:Mathematician\nEND:VCARD")
	ts := newExampleServer(t, "carddav-sync")
	cov.watch(ts)
	ts.createContact("Ada Lovelace", "ada@engines.example")
	admin := ts.admin()
	resp, body := admin.get("/admin/plugins/carddav-sync/approve")
	answered(t, "approve page", resp, body, http.StatusOK)
	files := regexp.MustCompile(`name="file" value="([^"]+)"`).FindAllStringSubmatch(body, -1)
	form := url.Values{}
	for _, f := range files {
		form.Add("file", f[1])
	}
	admin.post("/admin/plugins/carddav-sync/approve", form)
	waitFor(t, admin, "/admin/plugins/carddav-sync", ">running<")
	id, err := ts.store.SavePluginInstance(context.Background(), model.PluginInstance{PluginID: "carddav-sync", Name: "Address book",
		Config: `{"url": "` + book.URL + `", "username": "` + testkit.CardDAVUser + `"}`, Secrets: map[string]string{"password": testkit.CardDAVPass}})
	if err != nil {
		t.Fatal(err)
	}
	page := fmt.Sprintf("/admin/plugins/carddav-sync/instances/%d/sync", id)
	resp, body = admin.get(page)
	answered(t, "connector settings", resp, body, http.StatusOK)
	resp, body = admin.post(page+"/settings", url.Values{"objects": {"contacts"}, "remote_delete": {"flag"}, "portico_delete": {"keep"}})
	answered(t, "save connector settings", resp, body, http.StatusSeeOther)
	resp, body = admin.get(page + "/first")
	answered(t, "first sync's dry run", resp, body, http.StatusOK)
	if !strings.Contains(body, "ada.vcf") || !strings.Contains(body, "Alan Turing") {
		t.Errorf("the dry run lists neither Ada's link nor Alan's creation:\n%s", mainOf(body))
	}
	resp, body = admin.post(page+"/first", url.Values{})
	answered(t, "confirm the first sync", resp, body, http.StatusSeeOther)
	waitFor(t, admin, page, ">Sync now<")
}

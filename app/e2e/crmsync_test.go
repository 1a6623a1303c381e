package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/store"
)

// TestAdminReviewsTheFirstSyncAndSeesChangesArriveBothWays sets up the
// CardDAV connector's sync, reviews the first sync's dry run, confirms
// it, then edits a contact in Portico and another in the address book,
// and sees each change arrive on the other side.
func TestAdminReviewsTheFirstSyncAndSeesChangesArriveBothWays(t *testing.T) {
	dav := testkit.StartAddressBook(t)
	app, instance := startCardDAVPortico(t, dav)
	ada := app.createContact(t, contact("Ada Lovelace", "ada@engines.example"))
	dav.Put("ada.vcf", "BEGIN:VCARD\nVERSION:3.0\nUID:ada\nFN:Ada Lovelace\nEMAIL:ada@engines.example\nNOTE:Wrote the first program\nEND:VCARD")
	dav.Put("alan.vcf", "BEGIN:VCARD\nVERSION:3.0\nUID:alan\nFN:Alan Turing\nEMAIL:alan@bletchley.example\nTITLE:Mathematician\nEND:VCARD")
	p := adminPage(t, app)
	p.open(instance)
	p.click(`a[href="` + instance + `/sync"]`)
	p.waitText("#main", "Choose what this connector keeps in step")
	p.click(`form[action$="/sync/settings"] button.primary`)
	p.waitText(".toasts", "Settings saved")
	p.click(`a[href="` + instance + `/sync/first"]`)
	p.waitText("#main h1", "First sync")
	if got := p.texts("#main dl.fields dd"); len(got) < 3 || !strings.HasPrefix(got[0], "1") || got[1] != "1" {
		t.Fatalf("dry run counts %q, want one link and one create in Portico", got)
	}
	p.click(`form[action$="/sync/first"] button.primary`)
	p.waitText(".toasts", "First sync done")

	p.open(fmt.Sprintf("/contacts/%d", ada))
	p.waitText("#profile dl", "Wrote the first program") // the note came in with the first sync
	p.click("#profile .panel-head a")
	p.fill(`#profile input[name="job_title"]`, "Countess")
	p.click("#profile button.primary")
	p.waitText("#profile dl", "Countess")
	dav.Put("alan.vcf", "BEGIN:VCARD\nVERSION:3.0\nUID:alan\nFN:Alan Turing\nEMAIL:alan@bletchley.example\nTITLE:Cryptanalyst\nEND:VCARD")

	p.open(instance + "/sync")
	p.click(`form[action$="/sync/now"] button`)
	p.waitText(".toasts", "Synced.")
	alan, err := app.Store.EmailHolder(context.Background(), "alan@bletchley.example")
	if err != nil || alan == nil {
		t.Fatalf("Alan was not created: %v", err)
	}
	p.open(fmt.Sprintf("/contacts/%d", alan.ContactID))
	p.waitText("#profile dl", "Cryptanalyst")
	if card := dav.Get("ada.vcf"); !strings.Contains(card, "TITLE:Countess") {
		t.Errorf("the Portico edit did not reach the card:\n%s", card)
	}
	if dir := os.Getenv("PORTICO_SCREENSHOTS"); dir != "" {
		p.open(instance + "/sync")
		p.screenshotAt(1366, filepath.Join(dir, "crm-sync-1366.png"))
		p.screenshotAt(390, filepath.Join(dir, "crm-sync-390.png"))
	}
}

// startCardDAVPortico is startPluginPortico with the carddav-sync example
// approved and an instance for the book; it returns the instance's page.
func startCardDAVPortico(t *testing.T, dav *testkit.AddressBook) (*portico, string) {
	t.Helper()
	var id int64
	app := startExamplePortico(t, "carddav-sync", nil, func(h *pluginhost.Host, st *store.Store) {
		if err := h.Approve(context.Background(), "carddav-sync", nil, 0); err != nil {
			t.Fatal(err)
		}
		var err error
		id, err = st.SavePluginInstance(context.Background(), model.PluginInstance{PluginID: "carddav-sync", Name: "Address book",
			Config: `{"url": "` + dav.URL + `", "username": "` + testkit.CardDAVUser + `"}`, Secrets: map[string]string{"password": testkit.CardDAVPass}})
		if err != nil {
			t.Fatal(err)
		}
	})
	return app, fmt.Sprintf("/admin/plugins/carddav-sync/instances/%d", id)
}

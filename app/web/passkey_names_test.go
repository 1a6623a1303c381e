package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/google/uuid"

	"github.com/portico-hub/portico/app/config"
)

// googlePasswordManager is the AAGUID of Google Password Manager in the
// community list that names passkeys.
var googlePasswordManager = uuid.MustParse("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4")

// TestPasskeyNamedAfterItsProvider registers passkeys with virtual
// authenticators: one whose AAGUID the list knows gets its provider's
// name, a second of the same provider is numbered, one the list does not
// know is named after the browser and system of the User-Agent, and a
// name given at creation wins. The profile then offers the new one's
// name to change.
func TestPasskeyNamedAfterItsProvider(t *testing.T) {
	ps := newPortalServer(t)
	id := ps.createContact("Kim Minjun", "minjun@example.com")
	c := ps.customer(id)
	c.userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"

	for _, aaguid := range []uuid.UUID{googlePasswordManager, googlePasswordManager, uuid.New()} {
		k := newKey()
		k.auth.Aaguid = aaguid
		if resp, answer := c.register(k, portico); resp.StatusCode != http.StatusOK {
			t.Fatalf("register: %d %v", resp.StatusCode, answer)
		}
	}
	c.userAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
	resp, answer := c.register(newKey(), portico)
	wantJSON(t, resp, answer, http.StatusOK, "redirect", "/portal/profile?new=4")

	keys, _ := ps.store.Passkeys(context.Background(), id)
	var names []string
	for _, k := range keys {
		names = append(names, k.Name)
	}
	want := []string{"Google Password Manager", "Google Password Manager 2", "Chrome on Windows", "Safari on iPhone"}
	if len(names) != len(want) {
		t.Fatalf("names %q, want %q", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("names %q, want %q", names, want)
		}
	}

	resp, body := c.post("/portal/passkeys/4/rename", url.Values{"name": {"My phone"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if keys, _ := ps.store.Passkeys(context.Background(), id); keys[3].Name != "My phone" {
		t.Fatalf("renamed at creation: %q", keys[3].Name)
	}
}

// TestPasskeyNewOffersItsName: a signed-in customer who adds a passkey
// lands on their profile with the new passkey's name open to change.
func TestPasskeyNewOffersItsName(t *testing.T) {
	ts := newTestServer(t, func(c *config.Config) { c.BaseURL = "http://portico.test" })
	_, cu := ts.activated(ts.admin(), "Lee Seo-yeon", "seoyeon@example.com", "corn flakes at noon")
	cu.get("/portal/profile")
	k := newKey()
	k.auth.Aaguid = googlePasswordManager
	resp, answer := cu.register(k, portico)
	wantJSON(t, resp, answer, http.StatusOK, "redirect", "/portal/profile?new=1")
	_, body := cu.get("/portal/profile?new=1")
	wantContains(t, body, "Your passkey “Google Password Manager” is ready.", `<details class="passkey-rename" open>`,
		"Saved as “Google Password Manager”.", `aria-label="New name for Google Password Manager" autofocus`)
	_, body = cu.get("/portal/profile")
	wantNotContains(t, body, "Saved as", "autofocus")
}

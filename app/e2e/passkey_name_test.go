package e2e

import (
	"fmt"
	"testing"

	"github.com/portico-hub/portico/app/config"
)

// TestPasskeyNamedAndRenamedAtCreation: a customer signed in with their
// password adds a passkey on their profile. Chromium's virtual
// authenticator has an AAGUID no provider list knows, so the passkey is
// named after the browser and system; the profile comes back with that
// name open in a focused field, and the customer renames it on the spot.
func TestPasskeyNamedAndRenamedAtCreation(t *testing.T) {
	app := startConfigured(t, func(cfg *config.Config, port int) { cfg.BaseURL = fmt.Sprintf("http://localhost:%d", port) })
	app.customer(t, "Kim Min-jun", "minjun@example.com", "corn flakes at noon")
	c := newPage(t, app)
	c.addAuthenticator()
	c.open("/portal/login")
	c.fill(`input[name="email"]`, "minjun@example.com")
	c.fill(`input[name="password"]`, "corn flakes at noon")
	c.click(`main form button.primary`)
	c.waitPath("/portal")
	c.open("/portal/profile")
	c.waitFor("the Add a passkey button", `() => !document.querySelector(".passkey-add").hidden`)
	c.click(".passkey-add [data-passkey-start]")
	c.waitText("main .alert", "is ready")
	c.waitText("#passkeys", "Saved as “Headless Chrome on Linux”.")
	var focused string
	c.eval(`document.activeElement.value || ""`, &focused)
	if focused != "Headless Chrome on Linux" {
		t.Errorf("the focused field holds %q, want the new passkey's name", focused)
	}
	shot(c, "portal-passkey-new.png")
	c.fill(`#passkeys details[open] input[name="name"]`, "Work laptop")
	c.click(`#passkeys details[open] button`)
	c.waitText("#passkeys .passkey-about strong", "Work laptop")
}

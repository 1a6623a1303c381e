package e2e

import "testing"

// TestFirstRunSetup: on an empty database every page leads to the setup
// form, which creates the first admin, signs them in and is gone for good.
func TestFirstRunSetup(t *testing.T) {
	app := startPortico(t)
	p := newPage(t, app)
	p.open("/")
	p.waitPath("/setup")
	p.waitText("h1", "Welcome to Portico")

	p.fill(`input[name="name"]`, "Grace Hopper")
	p.fill(`input[name="email"]`, "grace@portico.test")
	p.fill(`input[name="password"]`, "a long enough secret")
	p.click(`form button.primary`)
	p.waitPath("/contacts")
	p.waitText(".empty h2", "No contacts yet")
	p.waitText(".topbar .me-name", "Grace Hopper")

	stranger := newPage(t, app)
	stranger.open("/setup")
	stranger.waitPath("/login")
	stranger.waitText("h1", "Sign in")
}

// TestSignIn: a wrong password says so and keeps the person out; the
// right one opens the contacts list; signing out returns to the form.
func TestSignIn(t *testing.T) {
	app := startPortico(t)
	app.createAdmin(t)
	p := newPage(t, app)
	p.expectConsole("status of 401") // the refused sign-in answers 401

	p.signInAs(adminEmail, "not the password")
	p.waitText(`[role="alert"]`, "do not match an active account")
	p.waitPath("/login")

	p.open("/contacts")
	p.waitPath("/login")

	p.signInAs(adminEmail, adminPassword)
	p.waitPath("/contacts")
	p.waitText("h1", "Contacts")
	p.waitText(".topbar .me-name", adminName)

	p.click(`.topbar .me button`)
	p.waitPath("/login")
	p.waitText("h1", "Sign in")
	p.open("/contacts")
	p.waitPath("/login")
}

package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

const commonRefused = "one of the most common passwords"

// TestAgentsCannotChooseACommonPassword tries a common password on
// every page where an agent or admin chooses one: the setup, an
// invitation, and the link an admin makes for an agent who forgot theirs.
// Each is refused as it is for customers, and a good one then works.
func TestAgentsCannotChooseACommonPassword(t *testing.T) {
	ts := newTestServer(t)
	c := ts.client()
	c.get("/setup")
	setup := url.Values{"name": {"Ann Admin"}, "email": {"ann@example.com"}, "password": {"password"}}
	resp, body := c.post("/setup", setup)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, commonRefused)
	admin := ts.admin()

	admin.get("/agents")
	resp, body = admin.post("/agents", url.Values{"name": {"Cho Yuna"}, "email": {"yuna@example.com"}, "role": {"admin"}})
	wantStatus(t, resp, body, http.StatusCreated)
	ts.choosePassword(regexpFind(t, body, `value="http://[^"]+(/invite/[^"]+)"`), "Password1")

	yuna, _ := ts.store.AgentByEmail(t.Context(), "yuna@example.com")
	admin.get("/agents")
	resp, body = admin.post("/agents/"+itoa(yuna.ID)+"/reset", nil)
	wantStatus(t, resp, body, http.StatusOK)
	ts.choosePassword(regexpFind(t, body, `value="http://[^"]+(/invite/[^"]+)"`), "iloveyou")
}

// choosePassword opens an invitation or reset link, is refused common,
// then sets a good password with it.
func (ts *testServer) choosePassword(link, common string) {
	ts.t.Helper()
	c := ts.client()
	c.get(link)
	resp, body := c.post(link, url.Values{"password": {common}})
	wantStatus(ts.t, resp, body, http.StatusUnprocessableEntity)
	wantContains(ts.t, body, commonRefused, `name="password"`)
	resp, body = c.post(link, url.Values{"password": {"a good long password"}})
	wantStatus(ts.t, resp, body, http.StatusSeeOther)
}

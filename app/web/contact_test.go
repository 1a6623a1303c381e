package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

const xss = `<script>alert("x")</script><img src=x onerror=alert(1)>`

func TestCreateContactEscapesEveryField(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	c.get("/contacts/new")
	form := url.Values{"email": {"xss@example.com"}, "tags": {xss[:27] + ", " + xss[27:]}}
	for _, f := range []string{"name", "job_title", "language", "external_id", "address", "about"} {
		form.Set(f, xss[:27]) // "<script>alert(\"x\")</script>" fits every field
	}
	resp, body := c.post("/contacts", form)
	wantStatus(t, resp, body, http.StatusSeeOther)
	for _, page := range []string{resp.Header.Get("Location"), "/contacts", "/contacts?q=script"} {
		_, body = c.get(page)
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") {
			t.Fatalf("%s renders markup from input:\n%.2000s", page, body)
		}
		wantContains(t, body, "&lt;script&gt;")
	}
}

func TestCreateContactValidation(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	holder := ts.createContact("Kim Minjun", "minjun@example.com")
	cases := []struct {
		name string
		form url.Values
		want string
	}{
		{"no name", url.Values{"email": {"a@example.com"}}, "Enter the contact&#39;s name."},
		{"no way to reach", url.Values{"name": {"Nobody"}}, "Give at least one of email, phone, mobile, X handle or external ID."},
		{"bad email", url.Values{"name": {"X"}, "email": {"not an email"}}, "Enter a valid email address"},
		{"taken email", url.Values{"name": {"X"}, "email": {" MINJUN@example.com "}}, `already belongs to the contact Kim Minjun`},
		{"too long", url.Values{"name": {strings.Repeat("가", 201)}, "email": {"long@example.com"}}, "Use at most 200 characters"},
		{"bad phone", url.Values{"name": {"X"}, "phone": {"call me maybe"}}, "Enter a phone number"},
		{"bad zone", url.Values{"name": {"X"}, "phone": {"+82 10 1234 5678"}, "time_zone": {"Mars/Base"}}, "Choose a time zone"},
		{"eleven emails", url.Values{"name": {"X"}, "email": {"e0@example.com"}, "other_emails": {strings.Repeat("e@x.com\n", 0) +
			"e1@example.com e2@example.com e3@example.com e4@example.com e5@example.com e6@example.com e7@example.com e8@example.com e9@example.com e10@example.com"}}, "at most 10 email addresses"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c.get("/contacts/new")
			resp, body := c.post("/contacts", tc.form)
			wantStatus(t, resp, body, http.StatusUnprocessableEntity)
			wantContains(t, body, tc.want)
		})
	}
	c.get("/contacts/new")
	_, body := c.post("/contacts", url.Values{"name": {"X"}, "email": {"minjun@example.com"}})
	wantContains(t, body, `href="/contacts/`+itoa(holder)+`"`)
	if vc, _ := ts.store.ViewCounts(t.Context()); vc.All != 1 {
		t.Fatalf("invalid forms left contacts behind: %+v", vc)
	}
}

func TestClickToEditSwapsOnlyTheSection(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	id := itoa(ts.createContact("Lee Seo-yeon", "seoyeon@example.com"))
	c.get("/contacts/" + id)
	_, form := c.get("/contacts/"+id+"/edit?section=profile", htmx...)
	if strings.Contains(form, "<html") || !strings.Contains(form, `id="profile"`) || !strings.Contains(form, `name="job_title"`) {
		t.Fatalf("the edit fragment is not just the profile form:\n%.800s", form)
	}
	resp, body := c.post("/contacts/"+id, url.Values{"name": {"Lee Seo-yeon"}, "job_title": {"CTO"}}, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, `id="profile"`, "CTO", `hx-swap-oob`, "job title")
	if strings.Contains(body, "<html") {
		t.Fatal("an HTMX save answered a whole page")
	}
	if trig := resp.Header.Get("HX-Trigger"); !strings.Contains(trig, "Contact saved.") {
		t.Fatalf("no toast: %q", trig)
	}
	resp, body = c.post("/contacts/"+id, url.Values{"name": {""}}, htmx...)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, `name="name"`, "Enter the contact&#39;s name.")

	resp, _ = c.post("/contacts/"+id, url.Values{"name": {"Lee Seo-yeon"}, "job_title": {"CEO"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/contacts/"+id {
		t.Fatalf("a plain post should redirect to the contact: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestPromoteEmailInPlace(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	id := ts.createContact("Park Jiho", "jiho@old.example", "jiho@new.example")
	ct, _ := ts.store.Contact(t.Context(), id)
	secondary := itoa(ct.Emails[1].ID)
	c.get("/contacts/" + itoa(id))
	resp, body := c.post("/contacts/"+itoa(id)+"/emails/"+secondary+"/promote", nil, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, `id="emails"`)
	if strings.Index(body, "jiho@new.example") > strings.Index(body, "jiho@old.example") {
		t.Fatal("the promoted address is not listed first")
	}
	ct, _ = ts.store.Contact(t.Context(), id)
	if ct.Email != "jiho@new.example" {
		t.Fatalf("primary is %s", ct.Email)
	}
	other := ts.createContact("Someone Else", "else@example.com")
	resp, body = c.post("/contacts/"+itoa(other)+"/emails/"+secondary+"/promote", nil)
	wantStatus(t, resp, body, http.StatusNotFound)
}

func TestUnknownIDsAre404(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	for _, p := range []string{"/contacts/999", "/contacts/abc", "/contacts/-1", "/contacts/99999999999999999999", "/nope"} {
		resp, body := c.get(p)
		wantStatus(t, resp, body, http.StatusNotFound)
	}
	resp, body := c.post("/contacts/999", url.Values{"name": {"Ghost"}, "phone": {"123456"}})
	wantStatus(t, resp, body, http.StatusNotFound)
	resp, body = c.post("/contacts/999/state", url.Values{"action": {"deleted"}})
	wantStatus(t, resp, body, http.StatusNotFound)
}

func TestDeleteRestoreAndErase(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	id := itoa(ts.createContact("Choi Yuna", "yuna@example.com"))
	c.get("/contacts/" + id)
	c.post("/contacts/"+id+"/state", url.Values{"action": {"deleted"}})
	_, body := c.get("/contacts?view=deleted")
	wantContains(t, body, "Choi Yuna")
	_, body = c.get("/contacts")
	if strings.Contains(body, "Choi Yuna") {
		t.Fatal("a deleted contact is listed under All")
	}
	c.get("/contacts/" + id + "/erase")
	resp, _ := c.post("/contacts/"+id+"/erase", url.Values{"confirm": {"yes"}})
	wantStatus(t, resp, "", http.StatusSeeOther)
	resp, _ = c.get("/contacts/" + id)
	wantStatus(t, resp, "", http.StatusNotFound)
}

func TestFlashShowsOnce(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	id := itoa(ts.createContact("Once Only", "once@example.com"))
	c.get("/contacts/" + id)
	c.post("/contacts/"+id+"/state", url.Values{"action": {"blocked"}})
	_, body := c.get("/contacts/" + id)
	wantContains(t, body, `class="toast">Contact blocked.`)
	_, body = c.get("/companies")
	if strings.Contains(body, "Contact blocked.") {
		t.Fatal("the confirmation shows again on the next page")
	}
}

func TestPagePastTheEndSaysSo(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	ts.createContact("Only One", "one@example.com")
	resp, body := c.get("/contacts?page=9")
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "There is no page 9")
	if strings.Contains(body, "No contacts yet") {
		t.Fatal("a page past the end claims there are no contacts")
	}
}

func TestDeletedContactsCannotBeChanged(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	id := itoa(ts.createContact("Gone Away", "gone@example.com"))
	c.get("/contacts/" + id)
	c.post("/contacts/"+id+"/state", url.Values{"action": {"deleted"}})
	c.get("/contacts/" + id)
	for path, form := range map[string]url.Values{
		"/contacts/" + id:             {"name": {"Renamed"}, "phone": {"12345"}},
		"/contacts/" + id + "/emails": {"email": {"new@example.com"}},
		"/contacts/" + id + "/tags":   {"tags": {"vip"}},
	} {
		resp, body := c.post(path, form)
		wantStatus(t, resp, body, http.StatusUnprocessableEntity)
		wantContains(t, body, "This contact is deleted. Restore it to make changes.")
	}
	ct, _ := ts.store.Contact(t.Context(), mustID(t, id))
	if ct.Name != "Gone Away" || len(ct.Emails) != 1 || len(ct.Tags) != 0 {
		t.Fatalf("a deleted contact changed: %+v", ct)
	}
}

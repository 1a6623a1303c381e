package web_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

func TestMergeThroughTheForms(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	a := ts.contactWith("Jane Doe", model.ContactFields{JobTitle: "CTO"}, "jane@acme.com")
	b := ts.contactWith("Jane D.", model.ContactFields{JobTitle: "Chief Technology Officer", Phone: "+1 555 0100"}, "jd@acme.com")
	ts.contactWith("Someone Else", model.ContactFields{}, "else@example.com")

	res, body := c.get(fmt.Sprintf("/contacts/%d/merge", a))
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "Likely duplicates") || !strings.Contains(body, fmt.Sprintf(`value="%d"`, b)) {
		t.Fatalf("step 1 should suggest contact %d: %d\n%s", b, res.StatusCode, body)
	}
	if strings.Contains(body, "Someone Else") {
		t.Error("step 1 suggests a contact that shares nothing")
	}
	res, body = c.get(fmt.Sprintf("/contacts/%d/merge?q=jd%%40acme&with=%d", a, b), htmx...)
	if res.StatusCode != http.StatusOK || strings.Contains(body, "<html") || !strings.Contains(body, `id="merge-candidates"`) ||
		!strings.Contains(body, "checked") {
		t.Fatalf("search as you type should answer the candidates fragment, ticked contact kept: %d\n%s", res.StatusCode, body)
	}

	res, body = c.get(fmt.Sprintf("/contacts/%d/merge/review?with=%d", a, b))
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `name="keep_job_title"`) || strings.Contains(body, `name="keep_phone"`) {
		t.Fatalf("review should offer a choice for the job title only: %d\n%s", res.StatusCode, body)
	}
	form := url.Values{"with": {fmt.Sprint(b)}, "primary": {fmt.Sprint(b)}, "keep_name": {fmt.Sprint(a)}, "keep_job_title": {fmt.Sprint(a)}}
	res, _ = c.post(fmt.Sprintf("/contacts/%d/merge", a), form)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != fmt.Sprintf("/contacts/%d", b) {
		t.Fatalf("merge: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if flash, _ := url.QueryUnescape(c.cookie("portico_flash")); flash != "Merged 1 contact into Jane Doe." {
		t.Errorf("flash %q", c.cookie("portico_flash"))
	}
	merged, err := ts.store.Contact(context.Background(), b)
	if err != nil || merged.Name != "Jane Doe" || merged.JobTitle != "CTO" || merged.Phone != "+1 555 0100" || len(merged.Emails) != 2 {
		t.Fatalf("merged contact %+v, %v", merged, err)
	}
	res, _ = c.get(fmt.Sprintf("/contacts/%d", a))
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != fmt.Sprintf("/contacts/%d", b) {
		t.Errorf("the old URL answers %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if res, body = c.get(fmt.Sprintf("/contacts/%d", b)); !strings.Contains(body, "merged contacts") {
		t.Errorf("the timeline does not show the merge: %d", res.StatusCode)
	}
}

func TestMergeReviewSwitchesPrimary(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	a := ts.contactWith("Jane Doe", model.ContactFields{}, "jane@acme.com")
	b := ts.contactWith("J. Doe", model.ContactFields{}, "jd@acme.com")
	res, body := c.get(fmt.Sprintf("/contacts/%d/merge/review?with=%d&primary=%d", a, b, b), htmx...)
	want := fmt.Sprintf(`name="keep_name" value="%d" checked`, b)
	if res.StatusCode != http.StatusOK || strings.Contains(body, "<html") || !strings.Contains(body, want) {
		t.Fatalf("choosing another primary should re-render the review with its values: %d\n%s", res.StatusCode, body)
	}
}

func TestMergeRefusals(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	var six, five []string
	for i := range 6 {
		six = append(six, fmt.Sprintf("a%d@example.com", i))
	}
	for i := range 5 {
		five = append(five, fmt.Sprintf("b%d@example.com", i))
	}
	a := ts.contactWith("<script>alert(1)</script>", model.ContactFields{}, six...)
	b := ts.contactWith("Bee", model.ContactFields{}, five...)
	res, body := c.get(fmt.Sprintf("/contacts/%d/merge/review?with=%d", a, b))
	if res.StatusCode != http.StatusOK || strings.Contains(body, "<script>alert(1)") || !strings.Contains(body, "&lt;script&gt;") {
		t.Fatalf("the review must escape names: %d", res.StatusCode)
	}
	tests := []struct {
		name   string
		path   string
		form   url.Values
		status int
		says   string
	}{
		{"no CSRF token", fmt.Sprintf("/contacts/%d/merge", a), url.Values{"_csrf": {""}, "with": {fmt.Sprint(b)}}, http.StatusForbidden, ""},
		{"too many emails", fmt.Sprintf("/contacts/%d/merge", a), url.Values{"with": {fmt.Sprint(b)}}, http.StatusUnprocessableEntity, "at most 10"},
		{"no duplicate", fmt.Sprintf("/contacts/%d/merge", a), url.Values{}, http.StatusUnprocessableEntity, "at least one duplicate"},
		{"unknown duplicate", fmt.Sprintf("/contacts/%d/merge", a), url.Values{"with": {"99999"}}, http.StatusUnprocessableEntity, "#99999 no longer exists"},
		{"unknown contact", "/contacts/99999/merge", url.Values{"with": {fmt.Sprint(b)}}, http.StatusNotFound, ""},
		{"not an id", "/contacts/abc/merge", url.Values{"with": {fmt.Sprint(b)}}, http.StatusNotFound, ""},
	}
	for _, tt := range tests {
		c.get(fmt.Sprintf("/contacts/%d/merge/review?with=%d", a, b))
		res, body := c.post(tt.path, tt.form)
		if res.StatusCode != tt.status || !strings.Contains(body, tt.says) {
			t.Errorf("%s: status %d, want %d saying %q\n%s", tt.name, res.StatusCode, tt.status, tt.says, body)
		}
	}
	if vc, _ := ts.store.ViewCounts(context.Background()); vc.All != 2 {
		t.Errorf("a refused merge changed the contacts: %+v", vc)
	}
}

func TestMergeOfAContactMergedMeanwhile(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	ctx := context.Background()
	a := ts.contactWith("Ann", model.ContactFields{}, "ann@acme.com")
	b := ts.contactWith("Ann B", model.ContactFields{}, "annb@acme.com")
	d := ts.contactWith("Ann D", model.ContactFields{}, "annd@acme.com")
	other := ts.contactWith("Other", model.ContactFields{}, "other@acme.com")
	c.get(fmt.Sprintf("/contacts/%d/merge/review?with=%d&with=%d", a, b, d))
	if err := ts.store.MergeContacts(ctx, testActor, other, []int64{b}, model.ContactFields{Name: "Other"}); err != nil {
		t.Fatal(err)
	}
	res, body := c.post(fmt.Sprintf("/contacts/%d/merge", a), url.Values{"with": {fmt.Sprint(b), fmt.Sprint(d)}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, fmt.Sprintf("#%d no longer exists", b)) ||
		!strings.Contains(body, "Ann D") {
		t.Fatalf("want the review again without the stale contact: %d\n%s", res.StatusCode, body)
	}
	if _, err := ts.store.Contact(ctx, d); errors.Is(err, model.ErrNotFound) {
		t.Error("the refused merge removed a contact")
	}
	for _, path := range []string{"/contacts/99999/merge", fmt.Sprintf("/contacts/99999/merge/review?with=%d", a)} {
		if res, _ := c.get(path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, res.StatusCode)
		}
	}
	res, _ = c.get(fmt.Sprintf("/contacts/%d/merge/review?with=%d", b, a))
	if res.StatusCode != http.StatusMovedPermanently {
		t.Errorf("the review of a merged-away contact: %d, want 301", res.StatusCode)
	}
}

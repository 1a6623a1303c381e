package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestChannelTextEditorMeasuresAsTheChannelCounts: the activation text is
// previewed live with its length and SMS segments for the kannel-sms
// channel; a long text warns, and so does one the link pushes over;
// saving goes through CSRF and is confirmed; a broken text is refused
// with the reason; reset brings back the built-in text.
func TestChannelTextEditorMeasuresAsTheChannelCounts(t *testing.T) {
	ts, _, _ := newSMSServer(t, nil)
	c := ts.admin()
	page := "/admin/notifications/texts/activation"
	_, body := c.get(page)
	wantContains(t, body, "built-in", "Preview with sample data", "1 SMS segment", "GSM-7")
	preview := func(text string) string {
		resp, body := c.post(page+"/preview", url.Values{"text": {text}}, htmx...)
		wantStatus(t, resp, body, http.StatusOK)
		return body
	}
	wantContains(t, preview("안녕하세요 {{.ContactName}}: {{.Link}}"), "UCS-2", "1 SMS segment")
	wantContains(t, preview(strings.Repeat("x", 1000)), "Too long for this channel", "7 SMS segments")
	wantContains(t, preview(strings.Repeat("y", 900)+" {{.Link}}"), "The link pushes this message over")
	if resp, _ := c.postRaw(page, url.Values{"text": {"Hi {{.ContactName}} {{.Link}}"}}); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("save without CSRF: %d", resp.StatusCode)
	}
	resp, body := c.post(page, url.Values{"text": {"Hi {{.Nope"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "This template cannot be read")
	resp, body = c.post(page, url.Values{"text": {"Hi {{.ContactName}}, start here: {{.Link}}"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = c.get(page)
	wantContains(t, body, "Saved the account activation text.", "customized", "Hi Alex Kim, start here: https://")
	resp, _ = c.post(page+"/reset", url.Values{})
	wantStatus(t, resp, "", http.StatusSeeOther)
	_, body = c.get(page)
	wantContains(t, body, "back to the built-in one", "activate your account within")
}

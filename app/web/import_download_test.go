package web_test

import (
	"net/http"
	"testing"
)

// TestImportDownloadsAreAttachments sends an uploaded file named as a
// web page back as CSV to save, never as a page a browser would run.
func TestImportDownloadsAreAttachments(t *testing.T) {
	ts := newTestServer(t)
	ts.runJobs()
	c := ts.admin()
	progress := c.startImportOf("evil.html", "Name,Email\n<script>alert(1)</script>,not-an-email\n")
	c.settle(progress)
	cases := []struct{ path, ctype, disposition string }{
		{progress + "/file", "text/csv", "attachment; filename=evil.csv"},
		{progress + "/failed.csv", "text/csv; charset=utf-8", "attachment; filename=evil-failed-rows.csv"},
	}
	for _, tc := range cases {
		resp, body := c.get(tc.path)
		wantStatus(t, resp, body, http.StatusOK)
		h := resp.Header
		if h.Get("Content-Type") != tc.ctype || h.Get("Content-Disposition") != tc.disposition || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: Content-Type %q, Content-Disposition %q, X-Content-Type-Options %q", tc.path,
				h.Get("Content-Type"), h.Get("Content-Disposition"), h.Get("X-Content-Type-Options"))
		}
	}
}

package web_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/internal/testkit"
)

// peopleCSV has two good rows and one with a bad address, row 3.
const peopleCSV = "Name,Email,Phone,Company\n" +
	"Kim Minjun,minjun@example.com,010-1234-5678,Hooli\n" +
	"Bad Row,not-an-email,,\n" +
	"Lee Jiwoo,jiwoo@example.com,,Hooli\n"

// upload posts a file to the contacts wizard as a browser does.
func (c *client) upload(name string, content []byte, headers ...string) (*http.Response, string) {
	c.ts.t.Helper()
	return c.uploadTo("/contacts/import", name, content, headers...)
}

// uploadTo posts a file to the wizard at path as a browser does:
// multipart, with the last CSRF token seen. An empty name sends the form
// without a file.
func (c *client) uploadTo(path, name string, content []byte, headers ...string) (*http.Response, string) {
	c.ts.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("_csrf", c.csrf)
	if name != "" {
		fw, _ := w.CreateFormFile("file", name)
		fw.Write(content)
	}
	w.Close()
	req := httptest.NewRequest(http.MethodPost, base.String()+path, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	setHeaders(req, headers)
	return c.do(req)
}

// draft uploads a CSV of contacts and returns the path of its mapping
// step.
func (c *client) draft(name, content string) string {
	c.ts.t.Helper()
	return c.draftAt("/contacts/import", name, content)
}

// draftAt uploads a CSV to the wizard at path and returns the path of its
// mapping step.
func (c *client) draftAt(path, name, content string) string {
	c.ts.t.Helper()
	c.get(path)
	resp, body := c.uploadTo(path, name, []byte(content))
	wantStatus(c.ts.t, resp, body, http.StatusSeeOther)
	return resp.Header.Get("Location")
}

// startImport takes a CSV through every step with the suggested mapping
// and default options, and returns the path of the import's progress.
func (c *client) startImport(content string) string {
	c.ts.t.Helper()
	return c.startImportOf("people.csv", content)
}

// startImportOf is startImport of a file named name.
func (c *client) startImportOf(name, content string) string {
	c.ts.t.Helper()
	step := strings.TrimSuffix(c.draft(name, content), "/map")
	c.get(step + "/map")
	resp, body := c.post(step+"/map", mapForm(body(c, step+"/map"), "step", "next"))
	wantStatus(c.ts.t, resp, body, http.StatusSeeOther)
	c.get(step + "/options")
	resp, body = c.post(step+"/options", startForm())
	wantStatus(c.ts.t, resp, body, http.StatusSeeOther)
	return resp.Header.Get("Location")
}

func body(c *client, path string) string {
	_, b := c.get(path)
	return b
}

var selectedField = regexp.MustCompile(`<select name="(col_\d+)"[^>]*>(?:<option value="[^"]*" *>[^<]*</option>)*<option value="([^"]*)" selected>`)

// mapForm is the mapping form as the page shows it, plus extra pairs.
func mapForm(page string, kv ...string) map[string][]string {
	f := map[string][]string{"header": {"on"}}
	for _, m := range selectedField.FindAllStringSubmatch(page, -1) {
		f[m[1]] = []string{m[2]}
	}
	for i := 0; i+1 < len(kv); i += 2 {
		f[kv[i]] = []string{kv[i+1]}
	}
	return f
}

// runJobs runs the server's background jobs until the test ends.
func (ts *testServer) runJobs() {
	if ts.jobsOn {
		return
	}
	ts.jobsOn = true
	r := ts.jobs
	r.Poll = 10 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	ts.t.Cleanup(func() { cancel(); <-done })
}

// settle polls an HTMX-polled page until it stops polling, and returns
// the last fragment.
func (c *client) settle(path string) string {
	c.ts.t.Helper()
	var b string
	testkit.Eventually(c.ts.t, 30*time.Second, func() bool {
		var resp *http.Response
		resp, b = c.get(path, htmx...)
		wantStatus(c.ts.t, resp, b, http.StatusOK)
		return !strings.Contains(b, `hx-trigger="every 1s"`)
	}, "%s still polls", path)
	return b
}

// multipartUpload is a browser's post of the upload form to url.
func multipartUpload(t testing.TB, url, csrf, name, content string) (*http.Request, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("_csrf", csrf)
	fw, _ := w.CreateFormFile("file", name)
	fw.Write([]byte(content))
	w.Close()
	req, err := http.NewRequest(http.MethodPost, url, &buf)
	if err != nil {
		t.Fatal(err)
	}
	return req, w.FormDataContentType()
}

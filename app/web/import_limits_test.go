package web_test

import (
	"net/http"
	"testing"

	"github.com/portico-hub/portico/app/config"
)

// TestImportUploadListsLimits shows, before an upload, every limit a file
// is read with: the configured size and rows, and the columns, row and
// cell limits.
func TestImportUploadListsLimits(t *testing.T) {
	ts := newTestServer(t, func(cfg *config.Config) { cfg.ImportMaxMB, cfg.ImportMaxRows = 50, 20000 })
	resp, body := ts.admin().get("/contacts/import")
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Limits of one file",
		"<dt>File size</dt><dd>50 MB</dd>", "<dt>Rows</dt><dd>20,000</dd>", "<dt>Columns</dt><dd>1,000</dd>",
		"<dt>One row</dt><dd>1 MB</dd>", "<dt>One cell</dt><dd>64 KB</dd>")
}

// TestImportUploadTakesAFileWithAZeroByte goes on to the mapping with a
// file that has a stray zero byte in one cell.
func TestImportUploadTakesAFileWithAZeroByte(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	mapPath := c.draft("people.csv", "Name,Email\nAnn\x00 Lee,ann@example.com\n")
	resp, body := c.get(mapPath)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Map columns", "Ann Lee")
}

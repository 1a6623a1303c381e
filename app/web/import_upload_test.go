package web_test

import (
	"archive/zip"
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/config"
)

func TestImportUploadRefusesUnreadableFiles(t *testing.T) {
	ts := newTestServer(t, func(cfg *config.Config) { cfg.ImportMaxMB = 1 })
	c := ts.admin()
	cases := []struct {
		name, file string
		content    []byte
		want       string
	}{
		{"no file", "", nil, "Choose a CSV or Excel (.xlsx) file to import."},
		{"empty", "empty.csv", nil, "The file is empty."},
		{"blank lines", "blank.csv", []byte("\n\n  \n"), "The file is empty."},
		{"header only", "header.csv", []byte("Name,Email\n"), "The file has no rows under its header: there is nothing to import."},
		{"binary", "photo.csv", bytes.Repeat([]byte{0x00, 0x01, 0x02, 0xff, 0xfe}, 200), "This file is neither CSV nor Excel (.xlsx)."},
		{"old excel", "old.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...), "Save it as Excel Workbook (.xlsx)"},
		{"too large", "big.csv", bigCSV(1<<20 + 1000), "This file is larger than 1 MB. Split it into smaller files."},
		{"zip bomb", "bomb.xlsx", zipBomb(t), "This Excel file expands to more than 16 MB in xl/styles.xml."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c.get("/contacts/import")
			resp, body := c.upload(tc.file, tc.content)
			wantStatus(t, resp, body, http.StatusUnprocessableEntity)
			wantContains(t, body, `class="alert error"`, strings.ReplaceAll(tc.want, "'", "&#39;"))
		})
	}
	left, _ := filepath.Glob(filepath.Join(ts.filesDir(), "imports", "drafts", "*"))
	if len(left) != 0 {
		t.Errorf("refused uploads left files behind: %v", left)
	}
}

// TestImportUploadFarTooLarge refuses an upload well beyond the import
// limit before reading it.
func TestImportUploadFarTooLarge(t *testing.T) {
	ts := newTestServer(t, func(cfg *config.Config) { cfg.ImportMaxMB = 1 })
	req := httptest.NewRequest(http.MethodPost, base.String()+"/contacts/import", bytes.NewReader(bigCSV(3<<20)))
	req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
	if _, err := ts.srv.App().Test(originForm(req), -1); err == nil || !strings.Contains(err.Error(), "body size exceeds") {
		t.Errorf("an upload of 3 MB over a 1 MB limit: %v, want it refused unread", err)
	}
}

func bigCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Name,Email\n")
	for i := 0; b.Len() < n; i++ {
		b.WriteString("Someone With A Long Name,someone@example.com\n")
	}
	return b.Bytes()
}

// zipBomb is a workbook whose styles part declares that it unpacks to
// 65 MB, which is refused before anything is unpacked.
// zipBomb is a workbook whose styles declare 65 MB, which would be
// held in memory.
func zipBomb(t *testing.T) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for part, body := range map[string]string{
		"[Content_Types].xml":        "<Types/>",
		"xl/workbook.xml":            `<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   "<worksheet/>",
	} {
		f, _ := w.Create(part)
		f.Write([]byte(body))
	}
	f, err := w.CreateRaw(&zip.FileHeader{Name: "xl/styles.xml", Method: zip.Deflate, CompressedSize64: 2, UncompressedSize64: 65 << 20})
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte{0x03, 0x00})
	w.Close()
	return b.Bytes()
}

func (ts *testServer) filesDir() string { return ts.cfg.FilesDir }

func TestImportUploadKeepsTheFileAsADraft(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	mapPath := c.draft(`C:\Users\ann\people.csv`, peopleCSV)
	resp, body := c.get(mapPath)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Import people.csv", "Map columns", "minjun@example.com", `<option value="email" selected>`)
	kept, _ := filepath.Glob(filepath.Join(ts.filesDir(), "imports", "drafts", "*.csv"))
	if len(kept) != 1 {
		t.Fatalf("kept uploads %v, want one", kept)
	}
	c.post(strings.TrimSuffix(mapPath, "/map")+"/discard", nil)
	if _, err := os.Stat(kept[0]); !os.IsNotExist(err) {
		t.Errorf("discarding the draft kept its file: %v", err)
	}
	resp, body = c.get(mapPath)
	wantStatus(t, resp, body, http.StatusNotFound)
}

// TestImportUploadWaitsForATurn refuses, in words, to read an upload
// while every turn to read one is taken, and keeps nothing of it.
func TestImportUploadWaitsForATurn(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	mapPath := c.draft("people.csv", peopleCSV)
	release := ts.srv.HoldParsers()
	c.get("/contacts/import")
	resp, body := c.upload("more.csv", []byte(peopleCSV))
	wantStatus(t, resp, body, http.StatusServiceUnavailable)
	wantContains(t, body, `class="alert error"`, "Portico is reading other uploaded files right now. Wait a minute and try again.")
	resp, body = c.get(mapPath)
	wantStatus(t, resp, body, http.StatusServiceUnavailable)
	release()
	resp, body = c.get(mapPath)
	wantStatus(t, resp, body, http.StatusOK)
	if left, _ := filepath.Glob(filepath.Join(ts.filesDir(), "imports", "drafts", "*")); len(left) != 1 {
		t.Errorf("uploads kept %v, want the first alone", left)
	}
}

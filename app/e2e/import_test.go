package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestImportWizard imports a small CSV with one bad row through every
// step of the wizard, follows its progress to the end and downloads the
// failed row. With PORTICO_SCREENSHOTS set it saves each step there.
func TestImportWizard(t *testing.T) {
	app := startPortico(t)
	p := adminPage(t, app)
	file := filepath.Join(t.TempDir(), "customers.csv")
	csv := "이름,이메일,전화번호,회사,Notes\n" +
		"김민준,minjun@example.com,010-1234-5678,Hooli,VIP\n" +
		"Olivia Martin,olivia@example,,Initech,\n" +
		"이지우,jiwoo@example.com,+82 2 555 0101,Hooli,\n" +
		"Sam Park,sam.park@example.com,,,Prefers email\n"
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}

	p.click(`a[href="/contacts/import"]`)
	p.waitText("h1", "Import contacts")
	shot(p, "import-1-upload.png")
	p.do(chromedp.SetUploadFiles(chromedp.CSS(`#import-file`), []string{file}))
	p.click(`form[enctype] button.primary`)

	p.waitText("h1", "Import customers.csv")
	p.waitText("table.mapping", "minjun@example.com")
	var fields []string
	p.eval(`Array.from(document.querySelectorAll("table.mapping select"), s => s.value)`, &fields)
	if strings.Join(fields, ",") != "name,email,phone,company,about" {
		t.Errorf("suggested fields %q, want name, email, phone, company, about", fields)
	}
	p.do(chromedp.SetValue(chromedp.CSS(`select[name="col_4"]`), ""))
	shot(p, "import-2-map.png")
	p.click(`button[name="step"][value="next"]`)

	p.waitFor("the dry run's counts", `() => document.querySelector("#dry-run dl.counts") !== null`)
	p.waitText("table.review td.cell-error", "olivia@example")
	if got := p.texts("#dry-run dd"); strings.Join(got, ",") != "3,0,0,1" {
		t.Errorf("dry run counts %q, want 3 to create and 1 to fail", got)
	}
	shot(p, "import-3-review.png")
	p.click(`a.primary[href$="/options"]`)

	p.waitText("legend", "What rows do")
	shot(p, "import-4-options.png")
	p.click(`button[name="action"][value="start"]`)

	p.waitText("#progress h2", "Finished")
	if got := p.texts("#progress dd"); strings.Join(got, ",") != "3,0,0,1" {
		t.Errorf("import counts %q, want 3 created and 1 failed", got)
	}
	shot(p, "import-5-progress.png")
	// text() drops the byte order mark that makes Excel read UTF-8.
	failed, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](
		`fetch(document.querySelector('#progress a[href$="/failed.csv"]').href).then(r => r.text())`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("download the failed rows: %v", err)
	}
	want := "Row,Reason,이름,이메일,전화번호,회사,Notes\n3,"
	if !strings.HasPrefix(failed, want) || !strings.Contains(failed, ",Olivia Martin,olivia@example,,Initech,\n") {
		t.Errorf("failed rows:\n%s\nwant them to start %q and hold Olivia's row", failed, want)
	}

	p.open("/contacts/imports")
	p.waitText("table.imports", "customers.csv")
	shot(p, "import-6-history.png")
}

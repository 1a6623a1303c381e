package e2e

import (
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
	upload(t, p, "contacts", "customers.csv", "이름,이메일,전화번호,회사,Notes\n"+
		"김민준,minjun@example.com,010-1234-5678,Hooli,VIP\n"+
		"Olivia Martin,olivia@example,,Initech,\n"+
		"이지우,jiwoo@example.com,+82 2 555 0101,Hooli,\n"+
		"Sam Park,sam.park@example.com,,,Prefers email\n")

	wantSuggested(t, p, "minjun@example.com", "name,email,phone,company,about")
	p.do(chromedp.SetValue(chromedp.CSS(`select[name="col_4"]`), ""))
	shot(p, "contacts-import-2-map.png")
	p.click(`button[name="step"][value="next"]`)

	p.waitText("table.review td.cell-error", "olivia@example")
	reviewAndRun(t, p, "contacts", "3,0,0,1")
	failed := download(t, p, `#progress a[href$="/failed.csv"]`)
	want := "Row,Reason,이름,이메일,전화번호,회사,Notes\n3,"
	if !strings.HasPrefix(failed, want) || !strings.Contains(failed, ",Olivia Martin,olivia@example,,Initech,\n") {
		t.Errorf("failed rows:\n%s\nwant them to start %q and hold Olivia's row", failed, want)
	}

	p.open("/contacts/imports")
	p.waitText("table.imports", "customers.csv")
	shot(p, "contacts-import-6-history.png")
}

// wantSuggested waits for the mapping step to show sample and checks the
// fields suggested for the columns, in order.
func wantSuggested(t *testing.T, p *page, sample, fields string) {
	t.Helper()
	p.waitText("table.mapping", sample)
	var got []string
	p.eval(`Array.from(document.querySelectorAll("table.mapping select"), s => s.value)`, &got)
	if strings.Join(got, ",") != fields {
		t.Errorf("suggested fields %q, want %s", got, fields)
	}
}

// reviewAndRun waits for the review's dry run and checks its counts
// (created, updated, skipped, failed), starts the import with the
// default options and checks that it ends with the same counts. It saves
// the steps as kind's screenshots.
func reviewAndRun(t *testing.T, p *page, kind, counts string) {
	t.Helper()
	p.waitFor("the dry run's counts", `() => document.querySelector("#dry-run dl.counts") !== null`)
	if got := p.texts("#dry-run dd"); strings.Join(got, ",") != counts {
		t.Errorf("dry run counts %q, want %s", got, counts)
	}
	shot(p, kind+"-import-3-review.png")
	p.click(`a.primary[href$="/options"]`)
	p.waitText("legend", "What rows do")
	shot(p, kind+"-import-4-options.png")
	p.click(`button[name="action"][value="start"]`)
	p.waitText("#progress h2", "Finished")
	if got := p.texts("#progress dd"); strings.Join(got, ",") != counts {
		t.Errorf("import counts %q, want %s", got, counts)
	}
	shot(p, kind+"-import-5-progress.png")
}

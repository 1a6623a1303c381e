package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestCompanyImportWizard imports companies from a CSV with Korean
// headers through the wizard of the companies list: a new company, one
// refused for a public mail domain, and one that updates an existing
// company found by its name in another case. With PORTICO_SCREENSHOTS
// set it saves each step there.
func TestCompanyImportWizard(t *testing.T) {
	app := startPortico(t, func(t *testing.T, st *store.Store) {
		if _, err := st.CreateCompany(context.Background(), e2eActor, model.CompanyFields{Name: "Hooli", Domains: []string{"hooli.com"}}); err != nil {
			t.Fatal(err)
		}
	})
	p := adminPage(t, app)
	p.open("/companies")
	upload(t, p, "companies", "고객사.csv", "회사명,도메인,업종,등급,갱신일,메모\n"+
		"삼성전자,samsung.com,전자,엔터프라이즈,2026년 12월 31일,\n"+
		"Gmail Fans,gmail.com,,,,\n"+
		"HOOLI,hooli.io,소프트웨어,프리미엄,,VIP\n")

	wantSuggested(t, p, "samsung.com", "name,domains,industry,account_tier,renewal_date,notes")
	shot(p, "companies-import-2-map.png")
	p.click(`button[name="step"][value="next"]`)

	p.waitText("table.review td.cell-error", "gmail.com is a public email service")
	p.waitText("table.review", "2026-12-31")
	reviewAndRun(t, p, "companies", "1,1,0,1")
	if failed := download(t, p, `#progress a[href$="/failed.csv"]`); !strings.HasPrefix(failed, "Row,Reason,회사명,도메인,업종,등급,갱신일,메모\n3,") {
		t.Errorf("failed rows:\n%s", failed)
	}

	p.click(`#progress a[href="/companies"]`)
	p.typeKeys("#q", "hooli.io")
	p.waitText("#results", "Hooli")
	p.open("/companies/imports")
	p.waitText("table.imports", "고객사.csv")
}

// upload opens the wizard of kind's list by its Import button and
// uploads a file named name holding content, which leads to the mapping
// step.
func upload(t *testing.T, p *page, kind, name, content string) {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	p.click(`a[href="/` + kind + `/import"]`)
	p.waitText("h1", "Import "+kind)
	shot(p, kind+"-import-1-upload.png")
	p.do(chromedp.SetUploadFiles(chromedp.CSS(`#import-file`), []string{file}))
	p.click(`form[enctype] button.primary`)
	p.waitText("h1", "Import "+name)
}

// download fetches what the link at sel points to, as text; text() drops
// the byte order mark that makes Excel read UTF-8.
func download(t *testing.T, p *page, sel string) string {
	t.Helper()
	s, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](
		`fetch(document.querySelector(`+quote(sel)+`).href).then(r => r.text())`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("download %s: %v", sel, err)
	}
	return s
}

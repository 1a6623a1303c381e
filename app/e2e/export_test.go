package e2e

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/mail"
)

// runJobs runs the export and email jobs, as the server does, until the
// test ends.
func runJobs(t *testing.T, app *portico) {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	r := jobs.NewRunner(app.Store, log)
	r.Poll = 50 * time.Millisecond
	exports.Register(r, exports.Deps{Store: app.Store, FilesDir: t.TempDir(), Log: log, BaseURL: app.URL,
		Mailer: &mail.Mailer{Store: app.Store, Templates: &mail.Templates{Store: app.Store}}})
	mail.NewDeliverer(app.Store, log, nil, nil).Register(r)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
}

// TestExportFollowEmailedLink exports the Verified view from the list,
// watches the progress finish, reads the emailed link in Admin > Mailbox
// and downloads the file with it. With PORTICO_SCREENSHOTS set it saves
// the export dialog and the list of exports there.
func TestExportFollowEmailedLink(t *testing.T) {
	app := startPortico(t, seedTeamContacts)
	runJobs(t, app)
	p := adminPage(t, app)
	p.click(`#results .tabs a[href="/contacts?view=verified"]`)
	p.waitText("#results .tabs [aria-current]", "Verified")
	p.click("#export-link")
	p.waitPath("/contacts/export")
	p.waitText(".export-form", "The current list: Verified")
	p.waitText(".export-form .count", "19")
	shot(p, "export-dialog.png")
	p.click(`.export-form button.primary`)
	p.waitText("#export-progress h2", "The file is ready")
	p.waitText("#export-progress", "19 contacts · CSV")

	p.open("/admin/mailbox")
	p.click(`#results a[href^="/admin/mailbox/"]`)
	p.waitText("h1", "Your contact export is ready")
	var link string
	p.eval(`[...document.querySelectorAll("ul.links a, ul.links li")].map(e => e.textContent.trim()).find(s => s.endsWith("/download")) || ""`, &link)
	if !strings.HasPrefix(link, app.URL+"/contacts/exports/") {
		t.Fatalf("the email's links lack the download link; found %q", link)
	}
	p.eval(`fetch(`+quote(link)+`).then(r => r.text().then(b => { window.downloaded = r.status + " " + r.headers.get("Content-Disposition") + "\n" + b }))`, new(any))
	p.waitFor("the download", `() => typeof window.downloaded === "string"`)
	var got string
	p.eval(`window.downloaded`, &got)
	if !strings.HasPrefix(got, "200 attachment; filename=\"contacts-") || !strings.Contains(got, "\nName,Email") || strings.Count(got, "\n") != 21 {
		t.Errorf("download: %.300q", got)
	}

	p.eval(`fetch(`+quote(link)+`).then(r => r.arrayBuffer()).then(b => { window.head = Array.from(new Uint8Array(b, 0, 3)).join(",") })`, new(any))
	p.waitFor("the file's first bytes", `() => typeof window.head === "string"`)
	p.eval(`window.head`, &got)
	if got != "239,187,191" {
		t.Errorf("the CSV starts with bytes %s, want the byte order mark 239,187,191 that the dialog ticks by default", got)
	}

	p.open("/contacts/exports")
	p.waitText("table.exports", "Verified")
	shot(p, "exports-list.png")
}

func quote(s string) string { return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"` }

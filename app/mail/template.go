package mail

import (
	htmltemplate "html/template"
	"io"
	"strings"
	texttemplate "text/template"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// Data is what a template's placeholders show.
type Data struct {
	ContactName  string
	ContactEmail string
	PortalName   string
	Link         string
	ExpiresIn    string
	// WebhookURL and Reason tell admins which webhook endpoint was
	// disabled and why.
	WebhookURL string
	Reason     string
	// TicketSubject is the subject of the ticket an email confirms.
	TicketSubject string
	// TicketNumber, AuthorName and ReplyBody tell the requester which
	// ticket an agent replied to, who replied and what they wrote.
	TicketNumber, AuthorName, ReplyBody string
	// Export tells which export an email is about: its list in words,
	// its format, how many contacts it holds and when it was asked for.
	ExportScope, ExportFormat, ExportRows, ExportCreated string
}

// SampleData fills templates for previews and for checking an edit.
var SampleData = Data{
	ContactName: "Alex Kim", ContactEmail: "alex.kim@example.com", PortalName: "Portico Support",
	Link: "https://support.example.com/portal/sample-link", ExpiresIn: "72 hours",
	WebhookURL: "https://crm.example.com/hooks/portico", Reason: "it answered 410 Gone",
	TicketSubject: "The invoice for March is missing",
	TicketNumber:  "1204", AuthorName: "Lee Seoyeon", ReplyBody: "The March invoice is attached again.\nSorry for the trouble.",
	ExportScope: "Verified, tag “vip”", ExportFormat: "Excel (.xlsx)", ExportRows: "1,234 contacts",
	ExportCreated: "25 Nov 2026 09:30 UTC",
}

// Placeholders lists what templates may use, for the editor's help.
var Placeholders = []string{"{{.ContactName}}", "{{.ContactEmail}}", "{{.PortalName}}", "{{.Link}}", "{{.ExpiresIn}}", "{{.WebhookURL}}", "{{.Reason}}", "{{.TicketSubject}}",
	"{{.TicketNumber}}", "{{.AuthorName}}", "{{.ReplyBody}}", "{{.ExportScope}}", "{{.ExportFormat}}", "{{.ExportRows}}", "{{.ExportCreated}}"}

// Template is one email template: a subject and two bodies written in Go
// template syntax. The HTML body is an html/template, so whatever a
// placeholder holds is escaped for where it appears.
type Template struct {
	Key         string
	Name        string
	Description string
	Subject     string
	HTML        string
	Text        string
	Custom      bool // an admin's version rather than the built-in one
	UpdatedAt   time.Time
	UpdatedBy   string
}

// Rendered is an email's parts with the placeholders filled in.
type Rendered struct {
	Subject string
	HTML    string
	Text    string
}

// Compiled is a parsed template, ready to render many emails.
type Compiled struct {
	subject *texttemplate.Template
	html    *htmltemplate.Template
	text    *texttemplate.Template
}

// Compile parses the three parts. Its error is a validation error with a
// message, in words, for each part that does not parse; the parts that
// do parse are still compiled, so they can be checked too.
func (t Template) Compile() (*Compiled, error) {
	v := &model.ValidationError{}
	c := &Compiled{}
	var err error
	if c.subject, err = texttemplate.New("subject").Parse(t.Subject); err != nil {
		v.Add("subject", explain(err))
		c.subject = nil
	}
	if c.html, err = htmltemplate.New("html").Parse(t.HTML); err != nil {
		v.Add("html", explain(err))
		c.html = nil
	}
	if c.text, err = texttemplate.New("text").Parse(t.Text); err != nil {
		v.Add("text", explain(err))
		c.text = nil
	}
	return c, v.Err()
}

// Render fills the parts in, skipping any that did not compile. The
// subject becomes one line, so no value can add a header.
func (c *Compiled) Render(d Data) (Rendered, error) {
	v := &model.ValidationError{}
	var r Rendered
	if c.subject != nil {
		r.Subject = strings.Join(strings.Fields(run(v, "subject", c.subject, d)), " ")
	}
	if c.html != nil {
		r.HTML = run(v, "html", c.html, d)
	}
	if c.text != nil {
		r.Text = run(v, "text", c.text, d)
	}
	return r, v.Err()
}

// run executes one part, recording its error under field.
func run(v *model.ValidationError, field string, t interface {
	Execute(io.Writer, any) error
}, d Data) string {
	var b strings.Builder
	if err := t.Execute(&b, d); err != nil {
		v.Add(field, explain(err))
	}
	return b.String()
}

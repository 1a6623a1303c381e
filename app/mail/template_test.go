package mail_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
)

func TestPlaceholdersAreEscapedInTheHTMLBody(t *testing.T) {
	tpl, _ := mail.Default(mail.KeyActivation)
	c, err := tpl.Compile()
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Render(mail.Data{ContactName: `<script>alert("x")</script>`, PortalName: "A & B", Link: "javascript:alert(1)"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(r.HTML, "<script>") || !strings.Contains(r.HTML, "&lt;script&gt;") {
		t.Errorf("the name is not escaped in the HTML body:\n%s", r.HTML)
	}
	if strings.Contains(r.HTML, "javascript:") {
		t.Errorf("a javascript: link got into the HTML body:\n%s", r.HTML)
	}
	if !strings.Contains(r.Text, `Hi <script>alert("x")</script>,`) || r.Subject != "Activate your A & B account" {
		t.Errorf("the text parts should show values as they are: %q / %q", r.Subject, r.Text)
	}
}

func TestSubjectStaysOneLine(t *testing.T) {
	tpl := mail.Template{Subject: "Hello {{.ContactName}}", HTML: "<p>x</p>", Text: "x"}
	c, _ := tpl.Compile()
	r, err := c.Render(mail.Data{ContactName: "Ann\r\nBcc: victim@example.com"})
	if err != nil || r.Subject != "Hello Ann Bcc: victim@example.com" {
		t.Fatalf("subject %q, err %v", r.Subject, err)
	}
}

func TestValidateExplainsBrokenTemplates(t *testing.T) {
	ok := mail.Template{Subject: "Hi {{.ContactName}}", HTML: "<p>{{.Link}}</p>", Text: "{{.Link}}"}
	cases := []struct {
		name  string
		edit  func(*mail.Template)
		field string
		want  string
	}{
		{"unclosed action", func(t *mail.Template) { t.HTML = "<p>\n{{.ContactName</p>" }, "html", "Line 2: "},
		{"unknown placeholder", func(t *mail.Template) { t.Text = "Hi {{.Nmae}}" }, "text", "Line 1: {{.Nmae}} is not a placeholder; use {{.ContactName}}"},
		{"unknown function", func(t *mail.Template) { t.Subject = "{{shout .ContactName}}" }, "subject", `Line 1: function "shout" not defined.`},
		{"empty subject", func(t *mail.Template) { t.Subject = "  " }, "subject", "Enter a subject."},
		{"no text body", func(t *mail.Template) { t.Text = "" }, "text", "Enter a plain-text body"},
		{"open attribute", func(t *mail.Template) { t.HTML = `<a href="{{.Link}}` }, "html", "A tag, quote or attribute is left open at the end."},
		{"uneven if", func(t *mail.Template) { t.HTML = `{{if .Link}}<a href="{{else}}<b>{{end}}` }, "html", "Line 1: each branch of {{if}} must close"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tpl := ok
			tc.edit(&tpl)
			_, err := tpl.Validate()
			var ve *model.ValidationError
			if !errors.As(err, &ve) || !strings.Contains(ve.Fields[tc.field], tc.want) {
				t.Fatalf("want %s: %q..., got %v", tc.field, tc.want, err)
			}
		})
	}
	if _, err := ok.Validate(); err != nil {
		t.Fatalf("a good template: %v", err)
	}
}

func TestEveryDefaultTemplateIsValid(t *testing.T) {
	for _, key := range []string{mail.KeyActivation, mail.KeyPasswordReset, mail.KeyPasswordChanged} {
		tpl, err := mail.Default(key)
		if err != nil {
			t.Fatal(err)
		}
		r, err := tpl.Validate()
		if err != nil || !strings.Contains(r.Text, mail.SampleData.Link) || !strings.Contains(r.HTML, mail.SampleData.Link) {
			t.Errorf("%s: %v\n%s", key, err, r.Text)
		}
	}
}

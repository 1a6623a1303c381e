package mail

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/portico-hub/portico/app/model"
)

// Limits on an edited template, generous for any real email.
const (
	maxSubject = 300
	maxBody    = 100_000
)

// Validate checks an edited template: each part must parse and render
// with sample data, the subject must not be empty, and the plain-text
// body is required because some readers show nothing else.
func (t Template) Validate() (Rendered, error) {
	v := &model.ValidationError{}
	switch {
	case strings.TrimSpace(t.Subject) == "":
		v.Add("subject", "Enter a subject.")
	case utf8.RuneCountInString(t.Subject) > maxSubject:
		v.Add("subject", "Keep the subject under 300 characters.")
	}
	if strings.TrimSpace(t.Text) == "" {
		v.Add("text", "Enter a plain-text body; some people read only that part.")
	}
	for field, body := range map[string]string{"html": t.HTML, "text": t.Text} {
		if len(body) > maxBody {
			v.Add(field, "Keep the body under 100,000 characters.")
		}
	}
	if err := v.Err(); err != nil {
		return Rendered{}, err
	}
	c, cerr := t.Compile()
	r, rerr := c.Render(SampleData)
	if cerr == nil {
		return r, rerr
	}
	ve := cerr.(*model.ValidationError)
	if rerr != nil {
		for field, msg := range rerr.(*model.ValidationError).Fields {
			ve.Add(field, msg)
		}
	}
	return Rendered{}, ve
}

var (
	errPrefix   = regexp.MustCompile(`^(?:html/)?template: ?\w+:(?:(\d+)(?::\d+)?:)? (?:executing "\w+" at <[^>]*>: )?`)
	unknownName = regexp.MustCompile(`can't evaluate field (\w+) in type \S+`)
	badChar     = regexp.MustCompile(`bad character U\+[0-9A-F]+ '(.+)'`)
	contextDump = regexp.MustCompile(`: \{state[^}]*\}(?:, \{state[^}]*\})?$`)
	rewordings  = strings.NewReplacer(
		"ends in a non-text context", "a tag, quote or attribute is left open at the end",
		"{{if}} branches end in different contexts", "each branch of {{if}} must close the tags and quotes it opens",
		"{{range}} branches end in different contexts", "each pass of {{range}} must close the tags and quotes it opens",
	)
)

// explain turns a template error into a sentence for the editor:
// "Line 3: {{.Nmae}} is not a placeholder."
func explain(err error) string {
	msg := err.Error()
	line := ""
	if m := errPrefix.FindStringSubmatch(msg); m != nil {
		if m[1] != "" {
			line = "Line " + m[1] + ": "
		}
		msg = msg[len(m[0]):]
	}
	if m := unknownName.FindStringSubmatch(msg); m != nil {
		msg = "{{." + m[1] + "}} is not a placeholder; use " + strings.Join(Placeholders, ", ")
	}
	msg = badChar.ReplaceAllString(msg, "“$1” cannot appear inside {{ }}; is a }} missing?")
	msg = strings.TrimSuffix(rewordings.Replace(contextDump.ReplaceAllString(msg, "")), ".") + "."
	if line == "" {
		return strings.ToUpper(msg[:1]) + msg[1:]
	}
	return line + msg
}

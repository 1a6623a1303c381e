package notify

import (
	"context"
	"strings"
	"text/template"

	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/plugins/sdk"
)

// Defaults are the built-in channel texts: one SMS each (GSM characters,
// at most 160 with a typical link and name), the link last so a phone
// shows it whole.
var Defaults = map[model.NotifyKind]string{
	model.NotifyActivation:      "{{.PortalName}}: Hi {{.ContactName}}, activate your account within {{.ExpiresIn}}: {{.Link}}",
	model.NotifyPasswordReset:   "{{.PortalName}}: Hi {{.ContactName}}, reset your password within {{.ExpiresIn}}: {{.Link}}",
	model.NotifyPasswordChanged: "{{.PortalName}}: your password was changed. If this was not you, reply to your last ticket or call us.",
	model.NotifyExportReady:     "{{.PortalName}}: your export ({{.ExportRows}}) is ready: {{.Link}}",
	model.NotifyTicketMessage:   "{{.PortalName}}: Hi {{.ContactName}}, new reply on your ticket #{{.TicketNumber}} \"{{.TicketSubject}}\": {{.Link}}",
}

// maxTemplate bounds a stored channel text: far more than any channel
// sends, so a paste of an email body is refused with a message.
const maxTemplate = 2000

// Template returns a kind's channel text and whether an admin changed it.
func (s *Service) Template(ctx context.Context, kind model.NotifyKind) (model.ChannelTemplate, bool, error) {
	ts, err := s.Store.ChannelTemplates(ctx)
	if err != nil {
		return model.ChannelTemplate{}, false, err
	}
	if t, ok := ts[kind]; ok {
		return t, true, nil
	}
	return model.ChannelTemplate{Kind: kind, Text: Defaults[kind]}, false, nil
}

// SetTemplate checks and stores an admin's channel text for a kind.
func (s *Service) SetTemplate(ctx context.Context, actor model.Actor, kind model.NotifyKind, text string) error {
	if !kind.Valid() {
		return model.Invalid("kind", "That is not a kind of message Portico sends.")
	}
	if !kind.UsesChannels() {
		return model.Invalid("kind", emailOnly)
	}
	if _, err := compile(text); err != nil {
		return err
	}
	return s.Store.SaveChannelTemplate(ctx, actor, model.ChannelTemplate{Kind: kind, Text: strings.TrimSpace(text)})
}

// ResetTemplate goes back to the built-in text.
func (s *Service) ResetTemplate(ctx context.Context, kind model.NotifyKind) error {
	return s.Store.DeleteChannelTemplate(ctx, kind)
}

// compile parses a channel text, with messages in words.
func compile(text string) (*template.Template, error) {
	switch {
	case strings.TrimSpace(text) == "":
		return nil, model.Invalid("text", "Write the message; it cannot be empty.")
	case len(text) > maxTemplate:
		return nil, model.Invalid("text", "This is too long for a channel message: keep it under a few hundred characters.")
	}
	t, err := template.New("channel").Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, model.Invalid("text", "This template cannot be read: "+err.Error())
	}
	return t, nil
}

// render fills a channel text in. The values are made plain text first
// (control characters and bidi tricks out of names), and the link is
// added at the end when the text does not carry it, so a message that
// needs a link always has it, whole.
func render(t *template.Template, d mail.Data) (string, error) {
	d = plain(d)
	var b strings.Builder
	if err := t.Execute(&b, d); err != nil {
		return "", model.Invalid("text", "This template cannot be filled in: "+err.Error())
	}
	text := strings.TrimSpace(sdk.PlainText(b.String()))
	if d.Link != "" && !strings.Contains(text, d.Link) {
		text = strings.TrimSpace(text + " " + d.Link)
	}
	return text, nil
}

// plain makes every value people typed one line of plain text, and cuts
// a ticket's subject to MaxSubject characters (see fit.go).
func plain(d mail.Data) mail.Data {
	for _, p := range []*string{&d.ContactName, &d.ContactEmail, &d.PortalName, &d.TicketSubject, &d.AuthorName,
		&d.ReplyBody, &d.ExportScope, &d.Reason} {
		*p = strings.Join(strings.Fields(sdk.PlainText(*p)), " ")
	}
	d.TicketSubject = shorten(d.TicketSubject, MaxSubject)
	return d
}

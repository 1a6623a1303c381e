package mail

// The keys of the emails Portico sends.
const (
	KeyActivation      = "activation"
	KeyPasswordReset   = "password_reset"
	KeyPasswordChanged = "portal_password_changed"
	// KeyPasswordChangedSelf tells customers who changed or reset their
	// own password, so that a change they did not make does not go
	// unnoticed.
	KeyPasswordChangedSelf = "portal_password_changed_self"
	KeyExportReady         = "export_ready"
	KeyWebhookDisabled     = "webhook_disabled"
	KeyTicketReceived      = "ticket_received"
	// KeyTicketReply tells a ticket's requester that an agent replied.
	KeyTicketReply = "ticket_reply"
)

// defaults are the built-in templates, in the order the editor lists
// them. An admin's saved version replaces one until it is reset.
var defaults = []Template{
	{
		Key: KeyActivation, Name: "User activation email",
		Description: "Invites a contact to activate their portal account.",
		Subject:     "Activate your {{.PortalName}} account",
		HTML: page(`<p>{{with .ContactName}}Hi {{.}},{{else}}Hello,{{end}}</p>
<p>An account is waiting for you on {{.PortalName}}, where you can follow your requests and open new ones.</p>
<p><a href="{{.Link}}" style="display:inline-block;padding:10px 18px;background:#3b5bdb;color:#ffffff;border-radius:6px;text-decoration:none">Activate my account</a></p>
<p style="color:#5f6b7d;font-size:13px">The link works once and expires in {{.ExpiresIn}}. If you did not expect this email, you can ignore it.</p>`),
		Text: `{{with .ContactName}}Hi {{.}},{{else}}Hello,{{end}}

An account is waiting for you on {{.PortalName}}, where you can follow your requests and open new ones.

Activate it here:
{{.Link}}

The link works once and expires in {{.ExpiresIn}}. If you did not expect this email, you can ignore it.
`,
	},
	{
		Key: KeyPasswordReset, Name: "Password reset",
		Description: "Sent when a contact asks to reset their password.",
		Subject:     "Reset your {{.PortalName}} password",
		HTML: page(`<p>{{with .ContactName}}Hi {{.}},{{else}}Hello,{{end}}</p>
<p>Someone asked to reset the password of your {{.PortalName}} account.</p>
<p><a href="{{.Link}}" style="display:inline-block;padding:10px 18px;background:#3b5bdb;color:#ffffff;border-radius:6px;text-decoration:none">Choose a new password</a></p>
<p style="color:#5f6b7d;font-size:13px">The link works once and expires in {{.ExpiresIn}}. If it was not you, ignore this email: your password stays as it is.</p>`),
		Text: `{{with .ContactName}}Hi {{.}},{{else}}Hello,{{end}}

Someone asked to reset the password of your {{.PortalName}} account. Choose a new password here:
{{.Link}}

The link works once and expires in {{.ExpiresIn}}. If it was not you, ignore this email: your password stays as it is.
`,
	},
	{
		Key: KeyPasswordChanged, Name: "Password changed by an agent",
		Description: "Sent when an admin changes a contact's password and ticks “email the contact”.",
		Subject:     "Your {{.PortalName}} password was changed",
		HTML: page(`<p>{{with .ContactName}}Hi {{.}},{{else}}Hello,{{end}}</p>
<p>Our support team changed the password of your {{.PortalName}} account. Sign in with the new password they give you.</p>
<p><a href="{{.Link}}">Sign in to {{.PortalName}}</a></p>
<p style="color:#5f6b7d;font-size:13px">If you did not ask for this, reply to this email and tell us.</p>`),
		Text: `{{with .ContactName}}Hi {{.}},{{else}}Hello,{{end}}

Our support team changed the password of your {{.PortalName}} account. Sign in with the new password they give you:
{{.Link}}

If you did not ask for this, reply to this email and tell us.
`,
	},
	{
		Key: KeyPasswordChangedSelf, Name: "Password changed by the contact",
		Description: "Sent when a contact changes their password on their profile or resets it.",
		Subject:     "Your {{.PortalName}} password was changed",
		HTML: page(`<p>{{with .ContactName}}Hi {{.}},{{else}}Hello,{{end}}</p>
<p>Your password was changed: the password of your {{.PortalName}} account was just changed, and your other devices were signed out.</p>
<p>If this wasn't you, reset your password now:</p>
<p><a href="{{.Link}}" style="display:inline-block;padding:10px 18px;background:#3b5bdb;color:#ffffff;border-radius:6px;text-decoration:none">Reset my password</a></p>
<p style="color:#5f6b7d;font-size:13px">If it was you, there is nothing more to do.</p>`),
		Text: `{{with .ContactName}}Hi {{.}},{{else}}Hello,{{end}}

Your password was changed: the password of your {{.PortalName}} account was just changed, and your other devices were signed out.

If this wasn't you, reset your password now:
{{.Link}}

If it was you, there is nothing more to do.
`,
	},
	{
		Key: KeyExportReady, Name: "Contact export ready",
		Description: "Sent to an agent when the contacts they exported are ready to download.",
		Subject:     "Your contact export is ready: {{.ExportScope}} ({{.ExportRows}}, {{.ExportFormat}})",
		HTML: page(`<p>{{with .ContactName}}Hi {{.}},{{else}}Hello,{{end}}</p>
<p>The contacts you exported from {{.PortalName}} are ready to download.</p>
<table style="border-collapse:collapse;font-size:14px;margin:0 0 16px">
<tr><td style="color:#5f6b7d;padding:2px 12px 2px 0">List</td><td>{{.ExportScope}}</td></tr>
<tr><td style="color:#5f6b7d;padding:2px 12px 2px 0">Contacts</td><td>{{.ExportRows}}</td></tr>
<tr><td style="color:#5f6b7d;padding:2px 12px 2px 0">Format</td><td>{{.ExportFormat}}</td></tr>
<tr><td style="color:#5f6b7d;padding:2px 12px 2px 0">Asked for</td><td>{{.ExportCreated}}</td></tr>
</table>
<p><a href="{{.Link}}" style="display:inline-block;padding:10px 18px;background:#3b5bdb;color:#ffffff;border-radius:6px;text-decoration:none">Download the export</a></p>
<p style="color:#5f6b7d;font-size:13px">The link works only when you are signed in as yourself, and expires in {{.ExpiresIn}}. You also find the file under Contacts &gt; Exports.</p>`),
		Text: `{{with .ContactName}}Hi {{.}},{{else}}Hello,{{end}}

The contacts you exported from {{.PortalName}} are ready to download:
{{.Link}}

List:      {{.ExportScope}}
Contacts:  {{.ExportRows}}
Format:    {{.ExportFormat}}
Asked for: {{.ExportCreated}}

The link works only when you are signed in as yourself, and expires in {{.ExpiresIn}}. You also find the file under Contacts > Exports.
`,
	},
	{
		Key: KeyWebhookDisabled, Name: "Webhook endpoint disabled",
		Description: "Sent to every admin when a webhook endpoint is disabled after failing for five days or answering 410 Gone.",
		Subject:     "A webhook endpoint was disabled on {{.PortalName}}",
		HTML: page(`<p>{{with .ContactName}}Hi {{.}},{{else}}Hello,{{end}}</p>
<p>{{.PortalName}} stopped sending webhooks to <strong>{{.WebhookURL}}</strong> because {{.Reason}}.</p>
<p>Deliveries that were waiting for it are marked failed. Fix the receiver, enable the endpoint again, then use “Resend all failed since …” so it catches up.</p>
<p><a href="{{.Link}}">Open the endpoint</a></p>`),
		Text: `{{with .ContactName}}Hi {{.}},{{else}}Hello,{{end}}

{{.PortalName}} stopped sending webhooks to {{.WebhookURL}} because {{.Reason}}.

Deliveries that were waiting for it are marked failed. Fix the receiver, enable the endpoint again, then use "Resend all failed since ..." so it catches up:
{{.Link}}
`,
	},
	{
		Key: KeyTicketReceived, Name: "Ticket received",
		Description: "Confirms a ticket submitted in the portal by someone who was not signed in.",
		Subject:     "We received your request: {{.TicketSubject}}",
		HTML: page(`<p>{{with .ContactName}}Hi {{.}},{{else}}Hello,{{end}}</p>
<p>We received your request <strong>{{.TicketSubject}}</strong> on {{.PortalName}}. Our team will get back to you.</p>
<p>You can follow your requests in the portal once you have signed in: <a href="{{.Link}}">{{.PortalName}}</a></p>
<p style="color:#5f6b7d;font-size:13px">If you did not send this request, you can ignore this email.</p>`),
		Text: `{{with .ContactName}}Hi {{.}},{{else}}Hello,{{end}}

We received your request "{{.TicketSubject}}" on {{.PortalName}}. Our team will get back to you.

You can follow your requests in the portal once you have signed in:
{{.Link}}

If you did not send this request, you can ignore this email.
`,
	},
	{
		Key: KeyTicketReply, Name: "Agent replied to a ticket",
		Description: "Sent to a ticket's requester when an agent replies (never for private notes).",
		Subject:     "Re: {{.TicketSubject}} [#{{.TicketNumber}}]",
		HTML: page(`<p>{{with .ContactName}}Hi {{.}},{{else}}Hello,{{end}}</p>
<p>{{.AuthorName}} replied to your request <strong>{{.TicketSubject}}</strong>:</p>
<div style="white-space:pre-wrap;border-left:3px solid #e3e6eb;padding-left:12px">{{.ReplyBody}}</div>
<p><a href="{{.Link}}" style="display:inline-block;padding:10px 18px;background:#3b5bdb;color:#ffffff;border-radius:6px;text-decoration:none">View and reply</a></p>
<p style="color:#5f6b7d;font-size:13px">Reply in the portal to keep the whole conversation in one place.</p>`),
		Text: `{{with .ContactName}}Hi {{.}},{{else}}Hello,{{end}}

{{.AuthorName}} replied to your request "{{.TicketSubject}}":

{{.ReplyBody}}

View and reply in the portal:
{{.Link}}
`,
	},
}

// page wraps a body in the simple, inline-styled document that email
// readers expect.
func page(body string) string {
	return `<!doctype html>
<html>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:-apple-system,'Segoe UI',Roboto,sans-serif;font-size:15px;line-height:1.5;color:#1c2230">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e3e6eb;border-radius:8px;padding:24px">
` + body + `
</div>
</body>
</html>
`
}

// builtin returns the built-in template of key.
func builtin(key string) (Template, bool) {
	for _, t := range defaults {
		if t.Key == key {
			return t, true
		}
	}
	return Template{}, false
}

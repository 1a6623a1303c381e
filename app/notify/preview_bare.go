package notify

import (
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
)

// PreviewBare fills text in with the sample data but no link, so the
// editor can tell when the link is what pushes a message over its
// channel's limit.
func PreviewBare(text string) (string, error) {
	t, err := compile(text)
	if err != nil {
		return "", err
	}
	d := mail.SampleData
	d.Link = ""
	return render(t, d)
}

// KindLabels name the kinds of message for admins.
var KindLabels = map[model.NotifyKind]string{
	model.NotifyActivation:      "Account activation",
	model.NotifyPasswordReset:   "Password reset",
	model.NotifyPasswordChanged: "Password changed",
	model.NotifyExportReady:     "Export ready",
	model.NotifyTicketMessage:   "Ticket messages",
}

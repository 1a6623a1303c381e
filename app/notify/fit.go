package notify

import (
	"context"
	"strings"
	"text/template"

	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/plugins/sdk"
)

// How a ticket message fits a channel. A channel text is a notice that
// points to the ticket, not a copy of the conversation: the link to the
// ticket in the portal is always in it, whole (render adds it when the
// template lacks it), and the portal shows the reply to the signed-in
// requester. So:
//
//   - the ticket's subject is cut to MaxSubject characters, at a word,
//     with "..." (the built-in text then fits one or two SMS);
//   - a reply body ({{.ReplyBody}}, which only an admin's text carries)
//     is kept when the whole text fits the channel's limits, and left
//     out otherwise: the text is rendered again with an empty body, so a
//     template that wraps it in {{if .ReplyBody}} reads well either way;
//   - a text still too long without the body (an admin's long template)
//     is refused by the channel as any other, and the email fallback, if
//     the rule has one, carries the reply.

// MaxSubject is the most characters of a ticket's subject a channel text
// shows.
const MaxSubject = 40

// fill renders t for d, without the reply body when the text with it
// would not fit the channel's limits (asked only then).
func fill(t *template.Template, d mail.Data, limits func() sdk.MessageLimits) (string, error) {
	text, err := render(t, d)
	if err != nil || d.ReplyBody == "" {
		return text, err
	}
	if _, tooLong := limits().Check(text); tooLong == nil {
		return text, nil
	}
	d.ReplyBody = ""
	return render(t, d)
}

// limits are the message limits channel instance id declared, or
// DefaultLimits when it cannot say (plugins off, the plugin not running).
func (s *Service) limits(ctx context.Context, id int64) sdk.MessageLimits {
	if id == 0 || s.Plugins == nil {
		return DefaultLimits
	}
	if c, err := s.Plugins.Channel(ctx, id); err == nil && c.AddressKinds != nil {
		return c.Limits
	}
	return DefaultLimits
}

// shorten cuts s to at most n characters, "..." included, at the last
// space of its second half when there is one.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-3])
	if i := strings.LastIndex(cut, " "); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " .,;:-") + "..."
}

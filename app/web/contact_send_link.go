package web

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// contactRow is one row of the contacts list: the contact, and what its
// hover actions need.
type contactRow struct {
	model.Contact
	CSRF string
	// Pick shows the row's checkbox for a bulk send; Sent says an
	// activation email was just sent from this row.
	Pick bool
	// Picked keeps the checkbox ticked when the list comes back after a
	// refused bulk action.
	Picked bool
	Sent   bool
	// Lately is when a link last went to the contact, when that was
	// within the last few minutes: the row says so before another.
	Lately *time.Time
	// Back is the list's URL, where a send without JavaScript returns.
	Back string
	// ByPhone says the link goes to the contact's mobile number by a
	// channel, so a row without an email address offers it too.
	ByPhone bool
}

// contactSendLink emails a contact the link its state calls for: the
// activation email, or a password reset link to a verified contact. From
// a list row, HTMX swaps the row to say it was sent; without JavaScript
// the form's post returns to the list.
func (s *Server) contactSendLink(c *fiber.Ctx) error {
	ct, err := s.loadContact(c)
	if err != nil {
		return err
	}
	if again, err := s.sentLately(c, ct); again || err != nil {
		return err
	}
	purpose, err := s.activation.Send(c.UserContext(), actor(c), ct.ID)
	if fields, ok := fieldErrors(err); ok {
		return fiber.NewError(fiber.StatusUnprocessableEntity, firstMessage(fields))
	}
	if err != nil {
		return err
	}
	flash(c, s.sentMessage(c, ct, purpose))
	if c.FormValue("from") == "row" && isPartial(c) {
		return render(c, fiber.StatusOK, "contacts/_row", "contacts/_row",
			contactRow{Contact: *ct, CSRF: csrfOf(c), Pick: true, Sent: true, Back: backTo(c.FormValue("back"), "/contacts")})
	}
	return redirect(c, backTo(c.FormValue("back"), fmt.Sprintf("/contacts/%d", ct.ID)))
}

// sentMessage says where the link just queued goes: by email, or by the
// channel that carries it, read from the contact's newest message that
// is not a held fallback.
func (s *Server) sentMessage(c *fiber.Ctx, ct *model.Contact, purpose model.LinkPurpose) string {
	what, to := "Activation email", ct.Email
	if purpose == model.LinkPasswordReset {
		what = "Password reset link"
	}
	msgs, err := s.mailbox.List(c.UserContext(), model.MailQuery{ContactID: ct.ID, PerPage: 2})
	if err != nil {
		return what + " sent."
	}
	for _, m := range msgs.Mails {
		if m.State == model.MailHeld {
			continue
		}
		if !m.Channel.IsEmail() {
			return strings.TrimSuffix(what, " email") + " sent to " + m.To + " by " + m.ChannelName + "."
		}
		to = m.To
		break
	}
	return what + " sent to " + to + "."
}

// backTo returns to a list page named by a form, or to def.
func backTo(back, def string) string {
	if strings.HasPrefix(back, "/contacts") && !strings.HasPrefix(back, "//") {
		return back
	}
	return def
}

// firstMessage is one message of a validation error, for a toast.
func firstMessage(fields map[string]string) string {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return fields[keys[0]]
}

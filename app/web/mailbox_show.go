package web

import (
	"regexp"
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// mailboxEmailPage shows one email as its recipient gets it.
type mailboxEmailPage struct {
	Base
	Mail *model.Mail
	SMTP string
}

var webLink = regexp.MustCompile(`https?://[^\s<>"]+`)

// Links are the web addresses in the plain-text part, so that someone
// trying Portico without SMTP follows an activation link from here.
func (p mailboxEmailPage) Links() []string {
	return slices.Compact(webLink.FindAllString(p.Mail.Text, 20))
}

// Redacted is what stands in for a link's token that the copy no longer
// holds.
func (mailboxEmailPage) Redacted() string { return model.RedactedToken }

// mailboxShow shows an email's headers, its delivery status and both
// parts; the HTML part is framed from mailboxHTML.
func (s *Server) mailboxShow(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	m, err := s.mailbox.Get(c.UserContext(), id)
	if err != nil {
		return err
	}
	p := mailboxEmailPage{Base: base(c, m.Subject, "mailbox"), Mail: m, SMTP: s.smtpAddr(c.UserContext())}
	return render(c, fiber.StatusOK, "admin/mailbox_email", "", p)
}

// emailHTMLPolicy sandboxes an email's HTML part: no scripts, no forms,
// no requests at all (remote images would tell the sender it was read),
// in an opaque origin that can reach nothing of Portico's, and framed
// only by Portico's own pages.
const emailHTMLPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"

// mailboxHTML serves an email's HTML part on its own, for the frame on
// the email's page.
func (s *Server) mailboxHTML(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	m, err := s.mailbox.Get(c.UserContext(), id)
	if err != nil {
		return err
	}
	return sendEmailHTML(c, m.HTML)
}

// sendEmailHTML answers with an email's HTML under emailHTMLPolicy.
func sendEmailHTML(c *fiber.Ctx, html string) error {
	c.Set(fiber.HeaderContentSecurityPolicy, emailHTMLPolicy)
	c.Set(fiber.HeaderXFrameOptions, "SAMEORIGIN")
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	c.Type("html", "utf-8")
	return c.SendString(html)
}

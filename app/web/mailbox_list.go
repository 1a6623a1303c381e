package web

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// mailboxPage lists the outbox: every message Portico sent or will send,
// by email or through a notification channel. Without SMTP it is the
// built-in mailbox where the emails are read.
type mailboxPage struct {
	Base
	Query  model.MailQuery
	Result *model.MailPage
	Counts map[model.MailState]int
	// Channels are the channels that carried messages, for the filter;
	// listed only when there is more than email.
	Channels []store.OutboxChannel
	SMTP     string // the server's host:port, empty for the built-in mailbox
}

// mailboxList shows a page of emails; searching and paging ask for the
// results fragment only.
func (s *Server) mailboxList(c *fiber.Ctx) error {
	q := parseMailQuery(c)
	p := mailboxPage{Base: base(c, "Mailbox", "mailbox"), Query: q, SMTP: s.smtpAddr(c.UserContext())}
	var err error
	if p.Result, err = s.mailbox.List(c.UserContext(), q); err != nil {
		return err
	}
	if p.Counts, err = s.mailbox.Counts(c.UserContext(), q.Channel); err != nil {
		return err
	}
	if p.Channels, err = s.mailbox.Channels(c.UserContext()); err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "admin/mailbox", "admin/_mailbox_results", p)
}

// smtpAddr names the SMTP server in use, never with its password; ""
// when email stays in the mailbox.
func (s *Server) smtpAddr(ctx context.Context) string {
	if srv := s.smtpServer(ctx); srv != nil {
		return srv.Addr()
	}
	return ""
}

// mailKept reports that no SMTP server is set: emails are kept in the
// built-in mailbox and not sent, which pages queuing emails say.
func (s *Server) mailKept(ctx context.Context) bool { return s.smtpServer(ctx) == nil }

// smtpServer is the server in use: the environment's, or Admin > Email's.
// A page that only mentions it logs a failure to read it, and says none.
func (s *Server) smtpServer(ctx context.Context) *config.SMTP {
	srv, _, err := s.servers.Current(ctx)
	if err != nil {
		s.log.Error("read the SMTP settings", "err", err)
	}
	return srv
}

func parseMailQuery(c *fiber.Ctx) model.MailQuery {
	q := model.MailQuery{Search: strings.TrimSpace(c.Query("q")), State: model.MailState(c.Query("state")), PerPage: 50,
		Channel: model.Channel(c.Query("channel"))}
	if !q.State.Listed() {
		q.State = ""
	}
	if _, ok := q.Channel.InstanceID(); !ok && q.Channel != model.ChannelEmail {
		q.Channel = ""
	}
	if len(q.Search) > 200 {
		q.Search = q.Search[:200]
	}
	q.Page, _ = strconv.Atoi(c.Query("page"))
	q.Page = min(max(q.Page, 1), 100000)
	return q
}

// URL links to the mailbox with a parameter changed; any change but the
// page goes back to page 1.
func (p mailboxPage) URL(key, value string) string {
	v := url.Values{}
	if p.Query.Search != "" {
		v.Set("q", p.Query.Search)
	}
	if p.Query.State != "" {
		v.Set("state", string(p.Query.State))
	}
	if p.Query.Channel != "" {
		v.Set("channel", string(p.Query.Channel))
	}
	v.Del(key)
	if value != "" {
		v.Set(key, value)
	}
	if len(v) == 0 {
		return "/admin/mailbox"
	}
	return "/admin/mailbox?" + v.Encode()
}

// Tabs are the state filters with their counts. Sent counts what went
// out through SMTP; Kept, what the built-in mailbox kept unsent.
func (p mailboxPage) Tabs() []mailTab {
	all := 0
	for _, n := range p.Counts {
		all += n
	}
	tabs := []mailTab{{"", "All", "", all}, {model.MailQueued, "Queued", "", p.Counts[model.MailQueued]},
		{model.MailSent, "Sent", "Sent through SMTP or handed to the channel", p.Counts[model.MailSent]},
		{model.MailKept, "Kept", "Kept in this mailbox and not sent: SMTP was not configured", p.Counts[model.MailKept]},
		{model.MailFailed, "Failed", "", p.Counts[model.MailFailed]}}
	for _, t := range []mailTab{{model.MailHeld, "Held", "Email fallbacks waiting for the channel message they back up", p.Counts[model.MailHeld]},
		{model.MailSkipped, "Skipped", "Email fallbacks not needed: the channel message went out", p.Counts[model.MailSkipped]}} {
		if t.Count > 0 || p.Query.State == t.State {
			tabs = append(tabs, t)
		}
	}
	return tabs
}

// ChannelName names the channel the list is narrowed to, for its empty
// state.
func (p mailboxPage) ChannelName() string {
	for _, ch := range p.Channels {
		if ch.Channel == p.Query.Channel {
			return ch.Name
		}
	}
	return string(p.Query.Channel)
}

type mailTab struct {
	State model.MailState
	Label string
	Title string
	Count int
}

package ticket

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
)

// AgentReply is what an agent sends from a ticket's page: a reply to the
// requester, or a private note, optionally setting a status with it.
type AgentReply struct {
	Body      string
	Private   bool
	SetStatus string
}

// Reply adds an agent's reply or note. A public reply reaches the
// requester by the ticket message rule, queued in the outbox in the same
// transaction, unless the requester can no longer be reached (blocked,
// deleted, or without an address the rule can use): the reply is kept,
// and their portal shows it if they return.
func (s *Service) Reply(ctx context.Context, actor model.Actor, id int64, in AgentReply) error {
	body, err := replyBody(in.Body)
	if err != nil {
		return err
	}
	st := model.TicketStatus(in.SetStatus)
	if st != "" && !st.Valid() {
		return model.Invalid("status", "Choose a status from the list.")
	}
	t, err := s.Store.Ticket(ctx, id)
	if err != nil {
		return err
	}
	r := model.NewReply{TicketID: id, AuthorKind: model.AuthorAgent, Body: body, Private: in.Private, SetStatus: st}
	if !in.Private && live(t) {
		if r.Messages, err = s.replyMessages(ctx, t, actor.Name, body); err != nil {
			return err
		}
	}
	_, err = s.Store.AddReply(ctx, actor, r)
	return err
}

// Reachable reports whether a reply to t is emailed: its requester is
// neither blocked nor deleted and has an address.
func Reachable(t *model.Ticket) bool {
	return live(t) && t.ContactEmail != ""
}

// Route says how a reply reaches t's requester now, by the ticket
// message rule ("by email to …", "by SMS through … to …, with an email
// to … if that fails"), or "" when nothing reaches them.
func (s *Service) Route(ctx context.Context, t *model.Ticket) (string, error) {
	switch {
	case !live(t):
		return "", nil
	case s.Notify == nil && t.ContactEmail == "":
		return "", nil
	case s.Notify == nil:
		return "by email to " + t.ContactEmail, nil
	}
	return s.Notify.Reach(ctx, model.NotifyTicketMessage, t.ContactID, t.ContactEmail)
}

// live reports whether t's requester may be sent anything.
func live(t *model.Ticket) bool {
	return t.ContactState == model.StateVerified || t.ContactState == model.StateUnverified
}

// replyMessages plans the requester's notification of a reply: by the
// ticket message rule, or the email alone without a router. Both carry
// the link to the ticket in the portal.
func (s *Service) replyMessages(ctx context.Context, t *model.Ticket, author, body string) ([]model.NewMail, error) {
	ps, err := s.Store.PortalSettings(ctx)
	if err != nil {
		return nil, err
	}
	to := mail.Recipient{Name: t.ContactName, Address: t.ContactEmail, ContactID: t.ContactID}
	d := mail.Data{PortalName: ps.Name, TicketSubject: t.Subject, TicketNumber: strconv.FormatInt(t.ID, 10),
		AuthorName: author, ReplyBody: body, Link: fmt.Sprintf("%s/portal/tickets/%d", s.BaseURL, t.ID)}
	if s.Notify != nil {
		return s.Notify.PlanOne(ctx, model.NotifyTicketMessage, mail.KeyTicketReply, to, d)
	}
	if to.Address == "" {
		return nil, nil
	}
	m, err := s.Mailer.Compose(ctx, mail.KeyTicketReply, to, d)
	return []model.NewMail{m}, err
}

// CustomerReply adds a customer's reply to a ticket they may see (their
// own, or their company's when they may view all of its tickets). As in
// Freshdesk, a reply to a pending, resolved or closed ticket reopens it.
func (s *Service) CustomerReply(ctx context.Context, cu *model.Customer, id int64, body string) error {
	body, err := replyBody(body)
	if err != nil {
		return err
	}
	if _, err := s.Get(ctx, cu.ID, id); err != nil {
		return err
	}
	_, err = s.Store.AddReply(ctx, model.Actor{Name: cu.Name}, model.NewReply{
		TicketID: id, AuthorKind: model.AuthorCustomer, ContactID: cu.ID, Body: body})
	return err
}

// Reopen opens a resolved or closed ticket again for a customer who may
// see it; any other status is left as it is.
func (s *Service) Reopen(ctx context.Context, cu *model.Customer, id int64) error {
	t, err := s.Get(ctx, cu.ID, id)
	if err != nil || !t.Status.Done() {
		return err
	}
	open := model.TicketOpen
	_, err = s.Store.ChangeTicket(ctx, model.Actor{Name: cu.Name}, id, model.TicketChange{Status: &open})
	return err
}

// replyBody cleans a reply as a description is cleaned, and checks it.
func replyBody(body string) (string, error) {
	body = strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n"))
	v := &model.ValidationError{}
	check(v, "body", body, MaxDescription, "Write a reply first.")
	return body, v.Err()
}

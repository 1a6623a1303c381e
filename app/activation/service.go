package activation

import (
	"context"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/notify"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/token"
	"github.com/portico-hub/portico/app/wording"
)

// DefaultTTL is how long a link works unless configured otherwise.
const DefaultTTL = 72 * time.Hour

// Service issues and redeems the links.
type Service struct {
	Store  *store.Store
	Mailer *mail.Mailer
	// Notify routes each link by its kind's notification rule (a channel
	// such as SMS, then email); nil sends every link by email.
	Notify *notify.Service
	// BaseURL is the server's public URL, which links start with.
	BaseURL string
	// TTL is how long a link works.
	TTL time.Duration
}

// Paths of the pages a link opens, followed by the token.
const (
	ActivatePath = "/portal/activate/"
	ResetPath    = "/portal/reset/"
)

// issue creates a link of one purpose for each target and queues the
// emails carrying them, in one transaction. Targets that changed since
// they were read are skipped; it returns the contacts sent to.
func (s *Service) issue(ctx context.Context, actor model.Actor, targets []model.LinkTarget, purpose model.LinkPurpose) ([]int64, error) {
	if len(targets) == 0 {
		return nil, nil
	}
	links, err := s.compose(ctx, targets, purpose)
	if err != nil {
		return nil, err
	}
	return s.Store.IssueLinks(ctx, actor, links)
}

// compose makes a link of one purpose for each target, with the messages
// carrying it, ready to be stored. A target that no channel of the rule
// can reach (no email, no mobile number) gets no link.
func (s *Service) compose(ctx context.Context, targets []model.LinkTarget, purpose model.LinkPurpose) ([]model.NewLink, error) {
	tokens := make(map[int64]string, len(targets))
	to := make([]mail.Recipient, len(targets))
	for i, t := range targets {
		tokens[t.ID] = token.New()
		to[i] = mail.Recipient{Name: t.Name, Address: t.Email, ContactID: t.ID}
	}
	key, path := mail.KeyActivation, ActivatePath
	if purpose == model.LinkPasswordReset {
		key, path = mail.KeyPasswordReset, ResetPath
	}
	portal, err := s.Store.PortalName(ctx)
	if err != nil {
		return nil, err
	}
	plans, err := s.plan(ctx, model.NotifyKind(key), key, to, func(r mail.Recipient) mail.Data {
		return mail.Data{Link: s.BaseURL + path + tokens[r.ContactID], ExpiresIn: expiresIn(s.ttl()), PortalName: portal}
	})
	if err != nil {
		return nil, fmt.Errorf("activation: compose %s messages: %w", key, err)
	}
	expires := s.Store.Now().Add(s.ttl())
	links := make([]model.NewLink, 0, len(targets))
	for i, t := range targets {
		if len(plans[i]) > 0 {
			links = append(links, model.NewLink{ContactID: t.ID, TokenHash: token.Hash(tokens[t.ID]), Purpose: purpose,
				Email: t.Email, ExpiresAt: expires, Plan: plans[i]})
		}
	}
	return links, nil
}

// plan composes the messages of each recipient: by the kind's rule, or
// the email of key alone without a router.
func (s *Service) plan(ctx context.Context, kind model.NotifyKind, key string, to []mail.Recipient,
	data func(mail.Recipient) mail.Data) ([][]model.NewMail, error) {
	if s.Notify != nil {
		return s.Notify.Plan(ctx, kind, key, to, data)
	}
	out := make([][]model.NewMail, len(to))
	var with []mail.Recipient
	var at []int
	for i, r := range to {
		if r.Address != "" {
			with, at = append(with, r), append(at, i)
		}
	}
	mails, err := s.Mailer.ComposeAll(ctx, key, with, data)
	if err != nil {
		return nil, err
	}
	for j, i := range at {
		out[i] = mails[j : j+1]
	}
	return out, nil
}

func (s *Service) ttl() time.Duration {
	if s.TTL > 0 {
		return s.TTL
	}
	return DefaultTTL
}

// expiresIn says a duration as an email reads it: "72 hours", "30 minutes".
func expiresIn(d time.Duration) string {
	if d >= time.Hour {
		return wording.Count(int(d/time.Hour), "hour")
	}
	return wording.Count(max(1, int(d/time.Minute)), "minute")
}

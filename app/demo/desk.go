package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// desk works the sample tickets as the team would have: each is
// assigned, answered, often answered back, noted on, timed, and, once
// old enough, resolved and later closed. The newest stay open or
// pending.
type desk struct {
	st      *store.Store
	y       *year
	agents  []member
	replies int
	entries int
}

// settled is the age after which a ticket was resolved.
const settled = 10 * 24 * time.Hour

func (d *desk) work(ctx context.Context) error {
	for id := int64(1); ; id++ {
		t, err := d.st.Ticket(ctx, id)
		if errors.Is(err, model.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := d.ticket(ctx, t); err != nil {
			return fmt.Errorf("demo: ticket %d: %w", id, err)
		}
	}
}

// ticket plays one ticket's conversation; a step that would fall after
// now is left for the team to do.
func (d *desk) ticket(ctx context.Context, t *model.Ticket) error {
	r := rand.New(rand.NewPCG(seed, uint64(t.ID)))
	ko := isKorean(t.Subject)
	a := d.assignee(t.ID, ko)
	lines := englishLines
	if ko {
		lines = koreanLines
	}
	age := d.y.now.Sub(t.CreatedAt)
	steps := []step{
		{40 * time.Minute, func() error { return d.assign(ctx, t.ID, a) }},
		{90 * time.Minute, func() error { return d.reply(ctx, t, a, lines.first, model.TicketPending, r) }},
	}
	if t.ID%4 != 0 {
		steps = append(steps, step{20 * time.Hour, func() error { return d.answer(ctx, t, lines.answer[r.IntN(len(lines.answer))]) }})
	}
	if t.ID%2 == 0 {
		steps = append(steps, step{22 * time.Hour, func() error { return d.note(ctx, t, a, lines.note[r.IntN(len(lines.note))]) }})
	}
	last := model.TicketPending
	if age > settled {
		last = model.TicketResolved
	}
	steps = append(steps, step{26 * time.Hour, func() error { return d.reply(ctx, t, a, lines.last, last, r) }})
	if t.ID%3 == 0 && age > settled {
		steps = append(steps, step{7 * 24 * time.Hour, func() error { return d.close(ctx, t.ID, a) }})
	}
	for _, s := range steps {
		at := t.CreatedAt.Add(s.after)
		if at.After(d.y.now.Add(-time.Hour)) {
			return nil
		}
		d.y.st.Now = func() time.Time { return at }
		if err := s.do(); err != nil {
			return err
		}
	}
	return nil
}

type step struct {
	after time.Duration
	do    func() error
}

// assignee picks the agent for a ticket: Korean tickets go to the
// Korean speakers, the others to everyone else.
func (d *desk) assignee(id int64, ko bool) member {
	var fit []member
	for _, m := range d.agents {
		if m.Korean == ko {
			fit = append(fit, m)
		}
	}
	return fit[int(id)%len(fit)]
}

func (d *desk) assign(ctx context.Context, id int64, a member) error {
	_, err := d.st.ChangeTicket(ctx, a.actor, id, model.TicketChange{AssigneeID: &a.actor.ID})
	return err
}

func (d *desk) close(ctx context.Context, id int64, a member) error {
	closed := model.TicketClosed
	_, err := d.st.ChangeTicket(ctx, a.actor, id, model.TicketChange{Status: &closed})
	return err
}

// reply answers the customer, sets the status and logs the time the
// answer took, mostly billable.
func (d *desk) reply(ctx context.Context, t *model.Ticket, a member, texts []string, to model.TicketStatus, r *rand.Rand) error {
	body := fmt.Sprintf(texts[r.IntN(len(texts))], firstName(t.ContactName))
	_, err := d.st.AddReply(ctx, a.actor, model.NewReply{TicketID: t.ID, AuthorKind: model.AuthorAgent, Body: body, SetStatus: to})
	if err != nil {
		return err
	}
	d.replies++
	return d.spend(ctx, t.ID, a, time.Duration(20+r.IntN(100))*time.Minute, r.IntN(8) != 0)
}

// answer is the customer's reply, which reopens the ticket.
func (d *desk) answer(ctx context.Context, t *model.Ticket, body string) error {
	_, err := d.st.AddReply(ctx, model.Actor{Name: t.ContactName}, model.NewReply{
		TicketID: t.ID, AuthorKind: model.AuthorCustomer, ContactID: t.ContactID, Body: body})
	d.replies++
	return err
}

// note records what the agent found out, and the time the looking took.
func (d *desk) note(ctx context.Context, t *model.Ticket, a member, body string) error {
	_, err := d.st.AddReply(ctx, a.actor, model.NewReply{TicketID: t.ID, AuthorKind: model.AuthorAgent, Body: body, Private: true})
	if err != nil {
		return err
	}
	d.replies++
	return d.spend(ctx, t.ID, a, time.Duration(15+int(t.ID*7)%45)*time.Minute, true)
}

// spend records time an agent spent on a ticket on the store's day.
func (d *desk) spend(ctx context.Context, id int64, a member, took time.Duration, billable bool) error {
	_, err := d.st.AddTimeEntry(ctx, model.NewTimeEntry{TicketID: id, AgentID: a.actor.ID, WorkDate: d.st.Now().UTC(),
		Seconds: int64(took.Seconds()), Billable: billable})
	d.entries++
	return err
}

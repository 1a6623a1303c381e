package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// assignee picks the agent for a ticket: Korean tickets go to the
// Korean speakers, the others to everyone else, and every fifth English
// one to the admin, so the demo's own "Mine" view is not empty.
func (d *desk) assignee(id int64, ko bool) member {
	if !ko && id%5 == 0 && d.admin.ID != 0 {
		return member{actor: d.admin}
	}
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
func (d *desk) reply(ctx context.Context, t *model.Ticket, a member, text string, to model.TicketStatus, r *rand.Rand) error {
	body := fmt.Sprintf(text, firstName(t.ContactName))
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

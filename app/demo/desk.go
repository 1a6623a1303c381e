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
	admin   model.Actor // no one when there is no admin yet
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
// now is left for the team to do. The customer's answer follows the
// agent's first reply, and the last reply fixes the ticket only when it
// is old enough to be resolved; a recent ticket the customer answered
// waits, open, for the agent.
func (d *desk) ticket(ctx context.Context, t *model.Ticket) error {
	r := rand.New(rand.NewPCG(seed, uint64(t.ID)))
	ko := isKorean(t.Subject)
	a := d.assignee(t.ID, ko)
	ls := englishLines
	if ko {
		ls = koreanLines
	}
	k := r.IntN(len(ls.first))
	done := d.y.now.Sub(t.CreatedAt) > settled
	last, to := ls.update[r.IntN(len(ls.update))], model.TicketPending
	if done {
		last, to = ls.last[r.IntN(len(ls.last))], model.TicketResolved
	}
	steps := []step{
		{40 * time.Minute, func() error { return d.assign(ctx, t.ID, a) }},
		{90 * time.Minute, func() error { return d.reply(ctx, t, a, ls.first[k], model.TicketPending, r) }},
	}
	if t.ID%4 != 0 {
		steps = append(steps, step{20 * time.Hour, func() error { return d.answer(ctx, t, ls.answer[k]) }})
	}
	if t.ID%2 == 0 {
		steps = append(steps, step{22 * time.Hour, func() error { return d.note(ctx, t, a, ls.note[r.IntN(len(ls.note))]) }})
	}
	if done || t.ID%4 == 0 {
		steps = append(steps, step{26 * time.Hour, func() error { return d.reply(ctx, t, a, last, to, r) }})
	}
	if t.ID%3 == 0 && done {
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

// step is one move on a ticket, some time after it was raised.
type step struct {
	after time.Duration
	do    func() error
}

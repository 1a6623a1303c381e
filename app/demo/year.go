package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// year moves the store's clock through the year before the demo is
// loaded, so the sample data has the history of a team's year of work:
// companies signed in the first weeks, contacts added week by week,
// tickets raised in between.
type year struct {
	st    *store.Store
	now   time.Time
	start time.Time
}

func newYear(st *store.Store, now time.Time) *year {
	return &year{st: st, now: now, start: now.AddDate(-1, 0, 0)}
}

// at sets the store's clock to d after the year's start.
func (y *year) at(d time.Duration) {
	t := y.start.Add(d)
	y.st.Now = func() time.Time { return t }
}

// span is the year's length.
func (y *year) span() time.Duration { return y.now.Sub(y.start) }

// batch is how many contacts arrive together, as a day's work.
const batch = 4

// insertOverTheYear inserts the contacts a batch at a time, the batches
// spread evenly from the year's third week to the day before now.
func insertOverTheYear(ctx context.Context, st *store.Store, y *year, all []store.NewContact) ([]int64, error) {
	first := 21 * 24 * time.Hour
	step := (y.span() - first - 24*time.Hour) / time.Duration((len(all)+batch-1)/batch)
	ids := make([]int64, 0, len(all))
	for i := 0; i < len(all); i += batch {
		y.at(first + time.Duration(i/batch)*step + time.Duration(i%7)*time.Hour)
		got, err := st.InsertContacts(ctx, actor, all[i:min(i+batch, len(all))])
		if err != nil {
			return nil, fmt.Errorf("demo: contacts: %w", err)
		}
		ids = append(ids, got...)
	}
	return ids, nil
}

// raiseTickets gives every seventh contact that is neither deleted nor
// blocked a ticket or two, in its own language, some days after it was
// added. The step leaves room for the first weeks and the second
// ticket's fortnight, so the last one is raised days before now.
func raiseTickets(ctx context.Context, st *store.Store, y *year, ids []int64, all []store.NewContact) (int, error) {
	n := 0
	step := (y.span() - 25*24*time.Hour) / time.Duration(len(all))
	for i, c := range all {
		if i%7 != 3 || c.State == model.StateDeleted || c.State == model.StateBlocked {
			continue
		}
		subjects := ticketSubjects
		if c.Fields.Language == "ko" {
			subjects = koreanTicketSubjects
		}
		for k := range 1 + i%2 {
			y.at(21*24*time.Hour + time.Duration(i)*step + time.Duration(3+k*11)*24*time.Hour)
			s := subjects[(i/7+k*5)%len(subjects)]
			if _, err := st.CreateTicket(ctx, actor, model.NewTicket{ContactID: ids[i], Subject: s[0], Description: s[1], SignedIn: true}); err != nil {
				return n, fmt.Errorf("demo: ticket: %w", err)
			}
			n++
		}
	}
	return n, nil
}

package activation

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// BulkJobKind is the kind of the job that sends the activation email to
// many contacts.
const BulkJobKind = "activation.bulk"

// batchSize is how many contacts one transaction sends to.
const batchSize = 500

// Selection is what a bulk send goes to: the ticked contacts, or, when
// All is set, every contact matching a list's view, search and filters.
type Selection = model.Selection

// RecentWindow is how recently a link must have gone to a contact for a
// send to say so before sending another: a bulk send skips those contacts
// unless asked to send again, and a single send asks first.
const RecentWindow = 5 * time.Minute

// bulkPayload is a bulk send's job payload: the selection, and whether
// contacts sent a link within RecentWindow get another.
type bulkPayload struct {
	Selection
	Resend bool `json:"resend,omitempty"`
}

// Counts says what a send did with the contacts it was given.
type Counts struct {
	Sent int `json:"sent"`
	// NoEmail counts contacts the rule cannot reach (no email address,
	// nor one for its channel), Skipped those not
	// unverified (or gone), and Recent those sent a link within
	// RecentWindow, skipped unless the send was asked to send again.
	NoEmail int `json:"no_email"`
	Skipped int `json:"skipped"`
	Recent  int `json:"recent,omitempty"`
}

// Done is how many contacts the counts account for.
func (c Counts) Done() int { return c.Sent + c.NoEmail + c.Skipped + c.Recent }

// Progress is a bulk job's progress as its page shows it.
type Progress struct {
	Total int `json:"total"`
	Counts
}

// ProgressOf reads a job's progress.
func ProgressOf(j *model.Job) Progress {
	var p Progress
	json.Unmarshal([]byte(j.Progress), &p)
	return p
}

// after is the progress once a batch committed: left counts the batch's
// contacts left out before it, and of the links it issued, those not
// sent went to contacts that changed meanwhile.
func (p Progress) after(left Counts, issued, sent int) Progress {
	p.Sent += sent
	p.NoEmail += left.NoEmail
	p.Skipped += left.Skipped + issued - sent
	p.Recent += left.Recent
	return p
}

func (p Progress) json() string {
	b, _ := json.Marshal(p)
	return string(b)
}

// StartBulk queues the job sending the activation email to a selection,
// and returns its id. Each contact is checked when its batch is sent:
// contacts without an address, or no longer unverified, are skipped, and
// so are those sent a link within RecentWindow unless resend is set.
func (s *Service) StartBulk(ctx context.Context, actor model.Actor, sel Selection, resend bool) (int64, error) {
	if sel.Empty() {
		return 0, model.Invalid("ids", "Tick the contacts to send the activation email to, or choose all matching contacts.")
	}
	if len(sel.IDs) > model.MaxTicked && !sel.All {
		return 0, model.Invalid("ids", fmt.Sprintf("Tick at most %d contacts, or choose all matching contacts.", model.MaxTicked))
	}
	payload, err := json.Marshal(bulkPayload{Selection: sel.Scoped(), Resend: resend})
	if err != nil {
		return 0, fmt.Errorf("activation: encode selection: %w", err)
	}
	return s.Store.EnqueueJob(ctx, model.NewJob{Kind: BulkJobKind, Payload: string(payload), CreatedBy: actor.ID})
}

// prepare sorts a batch's contacts: those unverified that the rule can
// reach get a link, its messages composed here; the others are counted as
// left out.
// Contacts sent a link within RecentWindow are left out too, unless
// resend is set.
func (s *Service) prepare(ctx context.Context, ids []int64, resend bool) ([]model.NewLink, Counts, error) {
	targets, err := s.Store.LinkTargets(ctx, ids)
	if err != nil {
		return nil, Counts{}, err
	}
	recent := map[int64]time.Time{}
	if !resend {
		if recent, err = s.Store.LinksSentSince(ctx, ids, s.Store.Now().Add(-RecentWindow)); err != nil {
			return nil, Counts{}, err
		}
	}
	var send []model.LinkTarget
	c := Counts{Skipped: len(ids) - len(targets)}
	for _, t := range targets {
		_, sentLately := recent[t.ID]
		switch {
		case t.State != model.StateUnverified:
			c.Skipped++
		case sentLately:
			c.Recent++
		default:
			send = append(send, t)
		}
	}
	if len(send) == 0 {
		return nil, c, nil
	}
	links, err := s.compose(ctx, send, model.LinkActivation)
	c.NoEmail += len(send) - len(links)
	return links, c, err
}

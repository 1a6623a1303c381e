package activation

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// BulkJobKind is the kind of the job that sends the activation email to
// many contacts.
const BulkJobKind = "activation.bulk"

// batchSize is how many contacts one transaction sends to.
const batchSize = 500

// Selection is what a bulk send goes to: the ticked contacts, or, when
// All is set, every contact matching a list's view, search and filters.
type Selection struct {
	IDs   []int64            `json:"ids,omitempty"`
	All   bool               `json:"all,omitempty"`
	Query model.ContactQuery `json:"query"`
}

// Counts says what a send did with the contacts it was given.
type Counts struct {
	Sent int `json:"sent"`
	// NoEmail counts contacts without an address, and Skipped those no
	// longer unverified (or gone).
	NoEmail int `json:"no_email"`
	Skipped int `json:"skipped"`
}

// Done is how many contacts the counts account for.
func (c Counts) Done() int { return c.Sent + c.NoEmail + c.Skipped }

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
	return p
}

func (p Progress) json() string {
	b, _ := json.Marshal(p)
	return string(b)
}

// StartBulk queues the job sending the activation email to a selection,
// and returns its id. Each contact is checked when its batch is sent:
// contacts without an address, or no longer unverified, are skipped.
func (s *Service) StartBulk(ctx context.Context, actor model.Actor, sel Selection) (int64, error) {
	if !sel.All && len(sel.IDs) == 0 {
		return 0, model.Invalid("ids", "Tick the contacts to send the activation email to, or choose all matching contacts.")
	}
	if sel.All {
		sel.IDs = nil
		sel.Query.Page, sel.Query.PerPage = 0, 0
	}
	payload, err := json.Marshal(sel)
	if err != nil {
		return 0, fmt.Errorf("activation: encode selection: %w", err)
	}
	return s.Store.EnqueueJob(ctx, model.NewJob{Kind: BulkJobKind, Payload: string(payload), CreatedBy: actor.ID})
}

// prepare sorts a batch's contacts: those unverified with an address get
// a link, its email composed here; the others are counted as left out.
func (s *Service) prepare(ctx context.Context, ids []int64) ([]model.NewLink, Counts, error) {
	targets, err := s.Store.LinkTargets(ctx, ids)
	if err != nil {
		return nil, Counts{}, err
	}
	var send []model.LinkTarget
	c := Counts{Skipped: len(ids) - len(targets)}
	for _, t := range targets {
		switch {
		case t.State != model.StateUnverified:
			c.Skipped++
		case t.Email == "":
			c.NoEmail++
		default:
			send = append(send, t)
		}
	}
	if len(send) == 0 {
		return nil, c, nil
	}
	links, err := s.compose(ctx, send, model.LinkActivation)
	return links, c, err
}

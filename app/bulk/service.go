package bulk

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// JobKind is the kind of the job that applies a bulk change to every
// contact a list matches, or to a large ticked selection.
const JobKind = "contacts.bulk"

// AtOnce is how many ticked contacts a change is applied to within the
// request; a larger selection runs as a job.
const AtOnce = 100

// Service applies bulk changes.
type Service struct {
	Store    *store.Store
	Contacts *contact.Service
}

// AtOnce reports whether a request is done within the request rather
// than as a job: a few ticked contacts.
func (r *Request) AtOnce() bool { return !r.All && len(r.IDs) <= AtOnce }

// Apply checks a request of a few ticked contacts and changes them at
// once, returning what it did.
func (s *Service) Apply(ctx context.Context, actor model.Actor, r Request) (Result, Request, error) {
	if err := s.check(ctx, &r); err != nil {
		return Result{}, r, err
	}
	if !r.AtOnce() {
		return Result{}, r, fmt.Errorf("bulk: %d contacts are too many to change at once", len(r.IDs))
	}
	ids := ticked(r.IDs)
	res := Result{Total: len(ids)}
	err := s.apply(ctx, actor, &r, ids, &res)
	return res, r, err
}

// Start checks a request and queues the job applying it, returning the
// job's id.
func (s *Service) Start(ctx context.Context, actor model.Actor, r Request) (int64, error) {
	if err := s.check(ctx, &r); err != nil {
		return 0, err
	}
	r.Selection = r.Scoped()
	payload, err := json.Marshal(r)
	if err != nil {
		return 0, fmt.Errorf("bulk: encode request: %w", err)
	}
	return s.Store.EnqueueJob(ctx, model.NewJob{Kind: JobKind, Payload: string(payload), CreatedBy: actor.ID})
}

// Check validates a request without applying it, for a confirmation
// page that names the tag or company.
func (s *Service) Check(ctx context.Context, r Request) (Request, error) {
	err := s.check(ctx, &r)
	return r, err
}

// Job returns a bulk change's job and its request. Any other job is not
// found, so a bulk change's page cannot show another kind of job.
func (s *Service) Job(ctx context.Context, id int64) (*model.Job, Request, error) {
	j, err := s.Store.Job(ctx, id)
	if err != nil {
		return nil, Request{}, err
	}
	var r Request
	if j.Kind != JobKind || json.Unmarshal([]byte(j.Payload), &r) != nil {
		return nil, Request{}, fmt.Errorf("bulk: job %d is no bulk change: %w", id, model.ErrNotFound)
	}
	return j, r, nil
}

// Cancel stops a bulk change through the jobs' own cancellation: at once
// when it waits, after the batch it is changing when it runs. The
// contacts changed by then stay changed.
func (s *Service) Cancel(ctx context.Context, a *model.Agent, id int64) error {
	j, _, err := s.Job(ctx, id)
	switch {
	case err != nil:
		return err
	case !j.MayCancel(a):
		return model.ErrForbidden
	case j.State.Finished():
		return nil
	}
	return s.Store.CancelJob(ctx, id)
}

package crmsync

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/plugins/sdk"
)

// Overview is what a connector's page shows.
type Overview struct {
	Connector model.CRMConnector
	// Status is "setup" (the first sync waits for a confirm), "paused",
	// "backing_off" (after an outage, until NextRunAt), "failing" (the
	// last run failed) or "running".
	Status    string
	LastRunAt *time.Time
	NextRunAt *time.Time
	// Links counts the links by state: linked, remote_deleted, deleted.
	Links map[string]int
	// Conflicts are the latest fields both sides had changed, with the
	// rule and the side it kept; Failures the records that did not sync.
	Conflicts []model.CRMConflict
	Failures  []model.CRMFailure
}

// Overview returns a connector's state, its last and next run, its
// counts in (Connector.Pulled) and out (Connector.Pushed), the conflicts
// it resolved and the records that failed, the latest 50 of each.
func (e *Engine) Overview(ctx context.Context, instanceID int64) (*Overview, error) {
	c, err := e.Store.CRMConnector(ctx, instanceID)
	if err != nil {
		return nil, err
	}
	o := &Overview{Connector: *c, Status: status(c, e.Store.Now()), LastRunAt: c.LastRunAt, NextRunAt: c.BackoffUntil}
	if o.NextRunAt == nil && c.LastRunAt != nil && c.State == "running" && !c.Paused {
		next := c.LastRunAt.Add(PullInterval)
		o.NextRunAt = &next
	}
	if o.Links, err = e.Store.CRMLinkCounts(ctx, instanceID); err != nil {
		return nil, err
	}
	if o.Conflicts, err = e.Store.CRMConflicts(ctx, instanceID, 50); err != nil {
		return nil, err
	}
	o.Failures, err = e.Store.CRMFailures(ctx, instanceID, 50)
	return o, err
}

func status(c *model.CRMConnector, now time.Time) string {
	switch {
	case c.State != "running":
		return "setup"
	case c.Paused:
		return "paused"
	case c.BackoffUntil != nil && c.BackoffUntil.After(now):
		return "backing_off"
	case c.LastError != "":
		return "failing"
	}
	return "running"
}

// Links returns a page of a connector's links (Portico record ↔ remote
// record, the remote version, when they last synced), 50 a page from 1.
func (e *Engine) Links(ctx context.Context, instanceID int64, page int) ([]model.CRMLink, error) {
	return e.Store.CRMLinks(ctx, instanceID, 50, max(page-1, 0)*50)
}

// ContactLinks returns a contact's links, one per connector, for its
// page: the remote record, its state (a "remote_deleted" link flags a
// contact whose remote record was deleted) and the last sync.
func (e *Engine) ContactLinks(ctx context.Context, contactID int64) ([]model.CRMLink, error) {
	return e.Store.CRMLinksOf(ctx, sdk.ObjectContact, contactID)
}

// CompanyLinks returns a company's links, as ContactLinks does.
func (e *Engine) CompanyLinks(ctx context.Context, companyID int64) ([]model.CRMLink, error) {
	return e.Store.CRMLinksOf(ctx, sdk.ObjectCompany, companyID)
}

// Schema returns the remote fields a connector describes, for its
// mapping form.
func (e *Engine) Schema(ctx context.Context, instanceID int64) (sdk.RemoteSchema, error) {
	return e.Plugins.DescribeRemote(ctx, instanceID)
}

// ErrAmbiguous is a failure retry cannot fix: the record matched several
// on the other side at the first sync. Merge the duplicates, then run
// the first sync's confirm again, which links what is left.
var ErrAmbiguous = errors.New("crmsync: the record matched several; merge the duplicates, then confirm the first sync again")

// ErrUnreadable is the retry of a remote record the connector could not
// read: it comes again with the next sync once fixed on the remote.
var ErrUnreadable = errors.New("crmsync: the remote record could not be read; fix it there and the next sync brings it")

// ErrNoSuchFailure is the retry of a failure the connector does not list:
// gone since, or another connector's. It is a model.ErrNotFound.
var ErrNoSuchFailure = fmt.Errorf("crmsync: no such failure on this connector: %w", model.ErrNotFound)

// Retry applies a failed record of a connector again: a pulled change
// from the data the failure kept, a Portico contact as it is now. The
// failure goes when it syncs, and stays with the new reason when it does
// not. Another connector's failure is not found, so a page never retries
// what it does not list.
func (e *Engine) Retry(ctx context.Context, instanceID, failureID int64) error {
	f, err := e.Store.CRMFailure(ctx, failureID)
	if errors.Is(err, model.ErrNotFound) || err == nil && f.InstanceID != instanceID {
		return fmt.Errorf("failure %d of connector %d: %w", failureID, instanceID, ErrNoSuchFailure)
	}
	if err != nil {
		return err
	}
	defer e.lock(f.InstanceID)()
	r, err := e.newRun(ctx, f.InstanceID)
	if err != nil {
		return err
	}
	obj, ok := r.objects[f.Object]
	switch {
	case !ok:
		return fmt.Errorf("crmsync: the connector no longer syncs %ss: %w", f.Object, model.ErrNotFound)
	case f.Ambiguous:
		return ErrAmbiguous
	case f.Direction == "out":
		err = r.pushRecord(ctx, obj, f.LocalID)
	case f.Change != "":
		var ch sdk.Change
		if err := json.Unmarshal([]byte(f.Change), &ch); err != nil {
			return err
		}
		err = r.applyRemote(ctx, ch)
	default:
		return ErrUnreadable
	}
	return e.finish(ctx, r, err)
}

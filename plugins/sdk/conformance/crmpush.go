package conformance

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
)

// record is the test record the push checks write, named so an admin who
// sees it in the remote knows where it came from.
func (k *crm) record(name string) sdk.Record {
	if k.object == sdk.ObjectCompany {
		return sdk.Record{Company: &sdk.Company{Name: name, Domains: []string{"conformance.example"}}}
	}
	return sdk.Record{Contact: &sdk.Contact{Name: name, Emails: []string{"conformance@example.invalid"}}}
}

func (k *crm) push(c sdk.Change) (sdk.PushResult, error) {
	c.Object = k.object
	rs, err := k.p.Push(context.Background(), k.ref(), []sdk.Change{c})
	if err != nil {
		return sdk.PushResult{}, err
	}
	return rs[0], nil
}

func (k *crm) createChange() sdk.Change {
	key := "conformance-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	return sdk.Change{Op: sdk.OpUpsert, IdempotencyKey: key, Record: k.record("Conformance Check")}
}

func (k *crm) create() error {
	c := k.createChange()
	r, err := k.push(c)
	if err != nil {
		return err
	}
	if r.Status != sdk.PushOK || r.RemoteID == "" || r.NewVersion == "" {
		return fmt.Errorf("creating a %s: got %+v, want ok with a remote id and a version", k.object, r)
	}
	k.created, k.lastCreate = r, c
	return nil
}

// retried pushes the same create again, as a host does when the answer was
// lost, and expects the same record rather than a second one.
func (k *crm) retried() error {
	r, err := k.push(k.lastCreate)
	if err != nil {
		return err
	}
	if r.Status != sdk.PushOK || r.RemoteID != k.created.RemoteID {
		return fmt.Errorf("the create retried with its idempotency key gave %s %q, want ok %q", r.Status, r.RemoteID, k.created.RemoteID)
	}
	return nil
}

func (k *crm) update() error {
	r, err := k.push(sdk.Change{Op: sdk.OpUpsert, RemoteID: k.created.RemoteID, BaseVersion: k.created.NewVersion,
		IdempotencyKey: k.lastCreate.IdempotencyKey + "-u", Record: k.record("Conformance Check Updated")})
	if err != nil {
		return err
	}
	if r.Status != sdk.PushOK || r.NewVersion == "" || r.NewVersion == k.created.NewVersion {
		return fmt.Errorf("updating with the current version: got %+v, want ok with a new version", r)
	}
	k.updated = r
	return nil
}

// stale writes with the version from before the update: the remote must
// refuse it and say what it has now.
func (k *crm) stale() error {
	r, err := k.push(sdk.Change{Op: sdk.OpUpsert, RemoteID: k.created.RemoteID, BaseVersion: k.created.NewVersion,
		IdempotencyKey: k.lastCreate.IdempotencyKey + "-s", Record: k.record("Conformance Check Stale")})
	if err != nil {
		return err
	}
	if r.Status != sdk.PushConflict || r.CurrentVersion != k.updated.NewVersion {
		return fmt.Errorf("updating with a stale version: got %s (current %q), want conflict with current %q",
			r.Status, r.CurrentVersion, k.updated.NewVersion)
	}
	return nil
}

// deleteTombstone deletes the record and expects the next pull to bring
// the update's version (so the host can recognise its own write) and then
// a tombstone.
func (k *crm) deleteTombstone() error {
	echo, err := k.pull(k.before)
	if err != nil {
		return err
	}
	if v := versionOf(echo, k.created.RemoteID); v != k.updated.NewVersion {
		return fmt.Errorf("the pull after the writes shows %s at version %q, want the version Push returned, %q",
			k.created.RemoteID, v, k.updated.NewVersion)
	}
	r, err := k.push(sdk.Change{Op: sdk.OpDelete, RemoteID: k.created.RemoteID, BaseVersion: k.updated.NewVersion,
		IdempotencyKey: k.lastCreate.IdempotencyKey + "-d"})
	if err != nil {
		return err
	}
	if r.Status != sdk.PushOK {
		return fmt.Errorf("deleting: got %+v, want ok", r)
	}
	after, err := k.pull(echo[len(echo)-1].Cursor)
	if err != nil {
		return err
	}
	for _, b := range after {
		for _, c := range b.Changes {
			if c.RemoteID == k.created.RemoteID && c.Op == sdk.OpDelete {
				return nil
			}
		}
	}
	return errors.New("the pull after the delete brought no tombstone for the deleted record")
}

func versionOf(bs []sdk.ChangeBatch, id string) string {
	v := ""
	for _, b := range bs {
		for _, c := range b.Changes {
			if c.RemoteID == id && c.Op == sdk.OpUpsert {
				v = c.Version
			}
		}
	}
	return v
}

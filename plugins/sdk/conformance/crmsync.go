package conformance

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// crmBatch is the batch size the CRM checks ask for, small so a remote of
// a few records already streams several batches.
const crmBatch = 2

var fieldTypes = []string{"text", "number", "date", "datetime", "boolean", "enum", "email", "phone", "url"}

// crm holds what the CRM checks learn from each other.
type crm struct {
	*checker
	schema     sdk.RemoteSchema
	batches    []sdk.ChangeBatch
	object     string
	created    sdk.PushResult
	lastCreate sdk.Change
	updated    sdk.PushResult
	before     string
}

// crmSteps runs the crm_sync checks: the schema, a full pull and its
// resume, an invalid cursor, and a contact written, rewritten with a
// stale version and deleted. The written record is removed again.
func (c *checker) crmSteps(r *Report) {
	k := &crm{checker: c}
	if !r.step("crm describe", k.describe) {
		return
	}
	if r.step("crm pull", k.pullAll) {
		r.step("crm pull resume", k.resume)
	}
	r.step("crm invalid cursor", k.invalidCursor)
	if k.object == "" {
		return
	}
	if r.step("crm push create", k.create) && r.step("crm push retried", k.retried) &&
		r.step("crm push update", k.update) && r.step("crm stale version", k.stale) {
		r.step("crm delete tombstone", k.deleteTombstone)
	}
}

func (k *crm) describe() error {
	s, err := k.p.DescribeRemote(context.Background(), k.ref())
	if err != nil {
		return err
	}
	if len(s.Objects) == 0 {
		return errors.New("DescribeRemote lists no object types")
	}
	for _, o := range s.Objects {
		if o.Name != sdk.ObjectContact && o.Name != sdk.ObjectCompany {
			return fmt.Errorf("object %q: want %q or %q", o.Name, sdk.ObjectContact, sdk.ObjectCompany)
		}
		for _, f := range o.Fields {
			if f.Name == "" || !slices.Contains(fieldTypes, f.Type) {
				return fmt.Errorf("object %s: field %q has type %q, want one of %v", o.Name, f.Name, f.Type, fieldTypes)
			}
		}
		if o.Writable && (k.object == "" || o.Name == sdk.ObjectContact) {
			k.object = o.Name
		}
	}
	k.schema = s
	return nil
}

// pull reads every batch from cursor on.
func (k *crm) pull(cursor string) ([]sdk.ChangeBatch, error) {
	var batches []sdk.ChangeBatch
	err := k.p.Pull(context.Background(), host.PullRequest{Ref: k.ref(), Cursor: cursor, BatchSize: crmBatch},
		func(b sdk.ChangeBatch) error {
			if b.Cursor == "" {
				return fmt.Errorf("batch %d has no cursor", len(batches))
			}
			batches = append(batches, b)
			return nil
		})
	return batches, err
}

// pullAll expects a full pull of well-formed changes, each record once,
// every batch marked as part of a snapshot.
func (k *crm) pullAll() error {
	batches, err := k.pull("")
	if err != nil {
		return err
	}
	if len(batches) < 2 {
		return fmt.Errorf("got %d batches of up to %d changes; the remote needs at least 3 records to check resuming", len(batches), crmBatch)
	}
	seen := map[string]bool{}
	for i, b := range batches {
		if !b.Snapshot {
			return fmt.Errorf("batch %d of a pull without cursor is not marked as a snapshot", i)
		}
		for _, c := range b.Changes {
			if err := wellFormed(c); err != nil {
				return fmt.Errorf("batch %d: %w", i, err)
			}
			if seen[c.RemoteID] {
				return fmt.Errorf("batch %d: %s came twice in one full pull", i, c.RemoteID)
			}
			seen[c.RemoteID] = true
		}
	}
	k.batches = batches
	return nil
}

func wellFormed(c sdk.Change) error {
	switch {
	case c.RemoteID == "":
		return errors.New("a change has no remote id")
	case c.Op == sdk.OpUpsert && c.Object != sdk.ObjectContact && c.Object != sdk.ObjectCompany:
		return fmt.Errorf("%s has object %q", c.RemoteID, c.Object)
	case c.Op == sdk.OpUpsert && c.Error == "" && c.Version == "":
		return fmt.Errorf("%s has no version", c.RemoteID)
	case c.Op != sdk.OpUpsert && c.Op != sdk.OpDelete:
		return fmt.Errorf("%s has no operation", c.RemoteID)
	}
	return nil
}

// resume restarts from the first batch's cursor and expects exactly the
// records of the batches after it, then nothing from the last cursor.
func (k *crm) resume() error {
	got, err := k.pull(k.batches[0].Cursor)
	if err != nil {
		return err
	}
	var want []string
	for _, b := range k.batches[1:] {
		want = append(want, remoteIDs(b.Changes)...)
	}
	if have := flatIDs(got); !slices.Equal(sorted(have), sorted(want)) {
		return fmt.Errorf("resuming after the first batch gave %d changes starting %v, want %d starting %v",
			len(have), head(have), len(want), head(want))
	}
	last := k.batches[len(k.batches)-1].Cursor
	if again, err := k.pull(last); err != nil || len(flatIDs(again)) > 0 {
		return fmt.Errorf("pulling from the last cursor of an unchanged remote gave %v (error %v), want nothing", head(flatIDs(again)), err)
	}
	k.before = last
	return nil
}

func (k *crm) invalidCursor() error {
	_, err := k.pull("conformance-invalid-cursor-" + strconv.FormatInt(time.Now().UnixNano(), 36))
	return wantKind(err, sdk.ErrInvalidCursor)
}

func remoteIDs(cs []sdk.Change) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.RemoteID
	}
	return out
}

func flatIDs(bs []sdk.ChangeBatch) []string {
	var out []string
	for _, b := range bs {
		out = append(out, remoteIDs(b.Changes)...)
	}
	return out
}

func sorted(s []string) []string { return slices.Sorted(slices.Values(s)) }

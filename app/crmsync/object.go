package crmsync

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// record is a Portico record as the engine compares it.
type record struct {
	ID   int64
	Name string
	V    values
	At   time.Time
	// Live is false for a deleted contact.
	Live bool
}

// object is what the engine needs of one kind of Portico record: reading
// and writing it through its domain service, and the keys a first sync
// matches it by.
type object interface {
	// kind is sdk.ObjectContact or sdk.ObjectCompany.
	kind() string
	// load returns the record, or model.ErrNotFound once it is gone.
	load(ctx context.Context, id int64) (*record, error)
	create(ctx context.Context, actor model.Actor, t values) (int64, error)
	update(ctx context.Context, actor model.Actor, rec *record, t values, fields []string) error
	remove(ctx context.Context, actor model.Actor, id int64) error
	// liveIDs lists the records a first sync matches.
	liveIDs(ctx context.Context) ([]int64, error)
	// keys are what a record is matched by, lower-cased.
	keys(v values) []string
	// holder names the record a create clashed with (an address or a
	// name another record has), 0 for none.
	holder(err error) int64
}

// contacts are the contact records, written through the contact service.
type contacts struct{ e *Engine }

func (contacts) kind() string { return "contact" }

func (o contacts) load(ctx context.Context, id int64) (*record, error) {
	c, err := o.e.Store.Contact(ctx, id)
	if err != nil {
		return nil, err
	}
	return &record{ID: c.ID, Name: c.Name, V: contactValues(c), At: c.UpdatedAt, Live: c.State != model.StateDeleted}, nil
}

func (o contacts) create(ctx context.Context, actor model.Actor, t values) (int64, error) {
	return o.e.createContact(ctx, actor, t)
}

func (o contacts) update(ctx context.Context, actor model.Actor, rec *record, t values, fields []string) error {
	c, err := o.e.Store.Contact(ctx, rec.ID)
	if err != nil {
		return err
	}
	return o.e.updateContact(ctx, actor, c, t, fields)
}

func (o contacts) remove(ctx context.Context, actor model.Actor, id int64) error {
	return o.e.Contacts.ChangeState(ctx, actor, id, "deleted")
}

func (o contacts) liveIDs(ctx context.Context) ([]int64, error) { return o.e.Store.LiveContactIDs(ctx) }

func (contacts) keys(v values) []string {
	var out []string
	for _, e := range v["emails"] {
		out = append(out, "email:"+strings.ToLower(e))
	}
	return out
}

func (contacts) holder(err error) int64 {
	var taken *model.EmailTakenError
	if errors.As(err, &taken) {
		return taken.ContactID
	}
	return 0
}

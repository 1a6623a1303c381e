package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"time"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// bulk is one InsertContacts batch: its statements and what it has
// already looked up.
type bulk struct {
	tx      *sql.Tx
	actor   model.Actor
	actorID any
	now     func() time.Time
	// agents maps each agent's normalised address to the address.
	agents map[string]string
	tags   map[string]storedTag
	// domains maps a domain to the one company listing it, 0 when none
	// or several do.
	domains   map[string]int64
	companies map[int64]string
	// events is the transaction's bulk batch.
	events *eventBatch
	times  *WriteTimes
}

func newBulk(ctx context.Context, tx *sql.Tx, actor model.Actor, now func() time.Time) (*bulk, error) {
	b := &bulk{tx: tx, actor: actor, now: now,
		tags: map[string]storedTag{}, domains: map[string]int64{}, companies: map[int64]string{}}
	if actor.ID != 0 {
		b.actorID = actor.ID
	}
	var err error
	b.agents, err = agentEmails(ctx, tx)
	return b, err
}

// tables are the rows a batch writes, in the order it writes them.
type tables struct {
	contacts, emails, members, tags, docs, audit rowSet
	// events are the contact.created events, added to the transaction's
	// bulk batch once every row is written.
	events []events.Event
}

// tablePool keeps batches' row buffers for the next batch: an import
// writes batch after batch, each holding tens of thousands of values.
var tablePool = sync.Pool{New: func() any { return newTables() }}

func newTables() *tables {
	return &tables{
		contacts: rowSet{head: `INSERT INTO contacts (id, name, sort_name, state, job_title, phone, mobile, language, time_zone,
			external_id, twitter_id, address, about, company_id, verified_at, blocked_at, deleted_at, created_at, updated_at)`,
			cols: contactCols},
		emails:  rowSet{head: `INSERT INTO contact_emails (contact_id, email, email_norm, domain, is_primary, created_at)`, cols: 6},
		members: rowSet{head: `INSERT INTO contact_companies (contact_id, company_id, view_all_tickets, created_at)`, cols: 4},
		tags:    rowSet{head: `INSERT INTO contact_tags (contact_id, tag_id)`, tail: ` ON CONFLICT DO NOTHING`, cols: 2},
		docs:    rowSet{head: `INSERT INTO contacts_fts (rowid, doc)`, cols: 2},
		audit: rowSet{head: `INSERT INTO audit_entries (subject_type, subject_id, actor_id, actor_name, action, changes, created_at)`,
			cols: 7},
	}
}

// reset empties every table and makes room for n contacts' rows, each
// table's row of each contact at least, so the rows are not copied as
// they grow.
func (t *tables) reset(n int) {
	clear(t.events)
	t.events = t.events[:0]
	for _, r := range []*rowSet{&t.contacts, &t.emails, &t.members, &t.tags, &t.docs, &t.audit} {
		clear(r.args)
		r.args, r.owner = r.args[:0], r.owner[:0]
		r.grow(n)
	}
}

// write inserts the batch, whose ids are already chosen.
func (b *bulk) write(ctx context.Context, in []NewContact, ids []int64) error {
	t := tablePool.Get().(*tables)
	defer tablePool.Put(t)
	t.reset(len(in))
	start := time.Now()
	if err := b.loadCompanyNames(ctx, in); err != nil {
		return err
	}
	for i, c := range in {
		if err := b.rows(ctx, t, i, ids[i], c); err != nil {
			return &BulkError{Index: i, Err: err}
		}
	}
	b.times.add("rows", start)
	t.emails.sortBy(2) // email_norm, the unique index
	steps := []struct {
		rows    *rowSet
		explain explainer
	}{
		{&t.contacts, b.explainKey}, {&t.emails, b.explainEmail}, {&t.members, wrapped("contact_companies")},
		{&t.tags, wrapped("contact_tags")}, {&t.docs, wrapped("contacts_fts")}, {&t.audit, wrapped("audit_entries")},
	}
	for _, s := range steps {
		flush := flushRows
		if s.rows == &t.docs {
			flush = flushOnce
		}
		start := time.Now()
		if err := flush(ctx, b.tx, s.rows, s.explain); err != nil {
			return err
		}
		b.times.add(tableOf(s.rows.head), start)
	}
	b.events.evs = append(b.events.evs, t.events...)
	return nil
}

// contactCols is the number of columns of a contacts row a batch writes;
// the external id and the X handle are its 10th and 11th.
const contactCols = 19

// explainKey names the contact whose external id or X handle another
// contact, stored before the batch, already has.
func (b *bulk) explainKey(ctx context.Context, err error, c chunk) error {
	if !isUnique(err, "external_id") && !isUnique(err, "twitter_id") {
		return fmt.Errorf("store: bulk insert into contacts: %w", err)
	}
	for i, owner := range c.owner {
		ext, handle := c.args[i*contactCols+9], c.args[i*contactCols+10]
		var id int64
		if ext != nil && b.tx.QueryRowContext(ctx, `SELECT id FROM contacts WHERE external_id = $1`, ext).Scan(&id) == nil {
			return &BulkError{Index: owner, Err: model.Invalid("external_id", "Another contact already has this external ID.")}
		}
		if handle != nil && b.tx.QueryRowContext(ctx, `SELECT id FROM contacts WHERE lower(twitter_id) = lower($1)
			AND twitter_id IS NOT NULL`, handle).Scan(&id) == nil {
			return &BulkError{Index: owner, Err: model.Invalid("twitter_id", "Another contact already has this X handle.")}
		}
	}
	return fmt.Errorf("store: bulk insert into contacts: %w", err)
}

// explainEmail names the contact whose address a stored contact holds.
func (b *bulk) explainEmail(ctx context.Context, err error, c chunk) error {
	if !isUnique(err, "email_norm") {
		return fmt.Errorf("store: bulk insert into contact_emails: %w", err)
	}
	for i, owner := range c.owner {
		if err := emailFree(ctx, b.tx, c.args[i*6+2].(string), 0); err != nil {
			return &BulkError{Index: owner, Err: err}
		}
	}
	return fmt.Errorf("store: bulk insert into contact_emails: %w", err)
}

// loadCompanyNames looks up, in one go, the names of the companies the
// batch's contacts join, which their search documents carry.
func (b *bulk) loadCompanyNames(ctx context.Context, in []NewContact) error {
	var ids []any
	for _, c := range in {
		for _, id := range c.Companies {
			if _, ok := b.companies[id]; !ok {
				b.companies[id] = ""
				ids = append(ids, id)
			}
		}
	}
	return eachIn(ctx, b.tx, `SELECT id, name FROM companies WHERE id IN (%s)`, ids, func(scan func(...any) error) error {
		var id int64
		var name string
		if err := scan(&id, &name); err != nil {
			return err
		}
		b.companies[id] = name
		return nil
	})
}

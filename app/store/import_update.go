package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// ContactUpdate is what an import changes on a stored contact.
type ContactUpdate struct {
	ID int64
	// Fields are all of its fields as they are to be.
	Fields model.ContactFields
	// AddEmails are added as secondary addresses, or the first as the
	// primary when the contact has none.
	AddEmails []string
	// Tags replace its tags when SetTags is true.
	Tags    []string
	SetTags bool
	// Companies are companies it joins; it leaves none.
	Companies []int64
	// Access, when set, changes whether it sees every ticket of one of
	// its companies.
	Access *TicketAccess
	// Changes are recorded in its audit entry.
	Changes []model.Change
}

// TicketAccess is whether a contact sees every ticket of one of its
// companies, named as a row names it; the importer fills in CompanyID.
type TicketAccess struct {
	Company   string
	CompanyID int64
	On        bool
}

// Update applies each change in turn. A change the database refuses (an
// address or external id taken meanwhile) is undone on its own and its
// error returned at its index in refused; the others stay applied. err is
// set only when the batch cannot go on. Each applied change writes its
// contact.updated event. Until the batch runs again carefully, with each
// change in a savepoint, a refusal instead fails the batch, to be run
// again: see errRetryCarefully.
func (b *ImportTx) Update(ctx context.Context, ups []ContactUpdate) (refused map[int]error, err error) {
	applied := make([]appliedUpdate, 0, len(ups))
	for i, u := range ups {
		var l linked
		var uerr error
		update := func() (err error) {
			l, err = b.updateOne(ctx, u)
			return err
		}
		if b.careful {
			uerr = b.savepoint(ctx, "import_update", update)
		} else {
			uerr = update()
		}
		var ve *model.ValidationError
		var te *model.EmailTakenError
		switch {
		case uerr == nil:
			applied = append(applied, appliedUpdate{ContactUpdate: u, linked: l})
		case !b.careful && (errors.As(uerr, &ve) || errors.As(uerr, &te)):
			return nil, errRetryCarefully
		case errors.As(uerr, &ve) || errors.As(uerr, &te):
			if refused == nil {
				refused = map[int]error{}
			}
			refused[i] = uerr
		default:
			return nil, uerr
		}
	}
	return refused, b.updatedEvents(ctx, applied)
}

// searched are the changed fields that alter a contact's search
// document; a company it joins alters it too, which links report.
var searched = map[string]bool{"name": true, "phone": true, "mobile": true, "external_id": true, "twitter_id": true, "email": true}

// changesSearch reports whether changes alter the search document, which
// holds the name, addresses, numbers, company names, external id and X
// handle: an
// import changing only job titles need not rewrite a million documents.
func changesSearch(changes []model.Change) bool {
	for _, c := range changes {
		if searched[c.Field] {
			return true
		}
	}
	return false
}

// appliedUpdate is an update as written, with what its links to
// companies changed: a first company makes its default, and an added
// address may link it to a company by its domain, neither of which the
// row names.
type appliedUpdate struct {
	ContactUpdate
	linked linked
}

func (b *ImportTx) updateOne(ctx context.Context, u ContactUpdate) (linked, error) {
	f, tx, now := u.Fields, b.tx, b.s.Now()
	_, err := tx.ExecContext(ctx, `UPDATE contacts SET name = $1, sort_name = $2, job_title = $3, phone = $4, mobile = $5,
		language = $6, time_zone = $7, external_id = $8, twitter_id = $9, address = $10, about = $11, updated_at = $12
		WHERE id = $13`, fieldArgs(f, now, u.ID)...)
	if err := takenKey(err); err != nil {
		return linked{}, err
	}
	if err != nil {
		return linked{}, fmt.Errorf("store: import update contact %d: %w", u.ID, err)
	}
	if err := b.addEmails(ctx, u.ID, u.AddEmails); err != nil {
		return linked{}, err
	}
	if u.SetTags {
		if _, err := tx.ExecContext(ctx, `DELETE FROM contact_tags WHERE contact_id = $1`, u.ID); err != nil {
			return linked{}, fmt.Errorf("store: clear tags of %d: %w", u.ID, err)
		}
		if err := setTags(ctx, tx, u.ID, u.Tags); err != nil {
			return linked{}, err
		}
	}
	l, err := b.links(ctx, u)
	if err != nil {
		return l, err
	}
	if u.Access != nil {
		if err := setViewAll(ctx, tx, u.ID, u.Access.CompanyID, u.Access.On); err != nil {
			return l, err
		}
	}
	if l.joined || changesSearch(u.Changes) {
		if err := refreshSearch(ctx, tx, u.ID); err != nil {
			return linked{}, err
		}
	}
	return l, b.s.writeAudit(ctx, tx, b.actor, "contact", u.ID, "updated", u.Changes)
}

// links joins the contact to the companies the row names and to those
// its added addresses' domains link to.
func (b *ImportTx) links(ctx context.Context, u ContactUpdate) (linked, error) {
	var l linked
	for _, co := range u.Companies {
		lc, err := b.s.link(ctx, b.tx, u.ID, co)
		if err != nil {
			return l, err
		}
		l = l.and(lc)
	}
	ld, err := b.s.linkByDomain(ctx, b.tx, u.ID, u.AddEmails)
	return l.and(ld), err
}

func (b *ImportTx) addEmails(ctx context.Context, id int64, emails []string) error {
	for _, e := range emails {
		var n int
		if err := b.tx.QueryRowContext(ctx, `SELECT count(*) FROM contact_emails WHERE contact_id = $1`, id).Scan(&n); err != nil {
			return fmt.Errorf("store: count emails of %d: %w", id, err)
		}
		if err := b.s.insertEmail(ctx, b.tx, id, e, n == 0); err != nil {
			return err
		}
	}
	return nil
}

package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// createdSnapshot is an inserted contact as ContactSnapshotTx would read
// it back, built from what the batch wrote instead of read: secondary
// addresses in the order of their rows (a batch writes addresses sorted by
// normalised form), tags once each by their stored names in name order,
// companies by id.
func createdSnapshot(id int64, c NewContact, emails []string, tags []string, companies []int64, state model.State, now time.Time) events.Contact {
	out := events.Contact{ID: id, Name: c.Fields.Name, State: string(state), JobTitle: c.Fields.JobTitle, Phone: c.Fields.Phone,
		Mobile: c.Fields.Mobile, Language: c.Fields.Language, TimeZone: c.Fields.TimeZone, ExternalID: c.Fields.ExternalID,
		TwitterID: c.Fields.TwitterID, Address: c.Fields.Address,
		Emails: make([]string, 0, len(emails)), Tags: tagsInOrder(tags), Companies: slices.Sorted(slices.Values(companies)),
		CreatedAt: now.UTC(), UpdatedAt: now.UTC()}
	if len(emails) > 0 {
		out.Email = emails[0]
		out.Emails = append(out.Emails, emails[0])
		rest := slices.Clone(emails[1:])
		slices.SortStableFunc(rest, func(a, b string) int { return strings.Compare(NormEmail(a), NormEmail(b)) })
		out.Emails = append(out.Emails, rest...)
	}
	if len(companies) > 0 {
		out.CompanyID = events.CompanyRef(companies[0])
	}
	if out.Companies == nil {
		out.Companies = []int64{}
	}
	if state == model.StateVerified {
		at := now.UTC()
		out.VerifiedAt = &at
	}
	return out
}

// tagsInOrder keeps each tag once, ignoring case, ordered as stored
// tags are listed.
func tagsInOrder(tags []string) []string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		if !slices.ContainsFunc(out, func(have string) bool { return strings.EqualFold(have, t) }) {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return out
}

// updatedFields names, as contact.updated does, the fields an import's
// audit changes record.
func updatedFields(changes []model.Change) []string {
	out := make([]string, 0, len(changes))
	for _, c := range changes {
		f := c.Field
		switch f {
		case "email":
			f = "emails"
		case "company":
			f = "companies"
		}
		if strings.HasPrefix(f, ticketAccessField) {
			f = "companies"
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// contactSnapshots reads contacts as events show them, in one query per
// chunk of ids, inside the write transaction that changed them.
func contactSnapshots(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]events.Contact, error) {
	out := make(map[int64]events.Contact, len(ids))
	err := eachIn(ctx, tx, `SELECT c.id, c.name, c.state, c.job_title, c.phone, c.mobile, c.language, c.time_zone,
		coalesce(c.external_id, ''), coalesce(c.twitter_id, ''), c.address, c.company_id, c.verified_at, c.created_at, c.updated_at,
		(SELECT json_group_array(email) FROM (SELECT email FROM contact_emails WHERE contact_id = c.id ORDER BY is_primary DESC, id)),
		(SELECT json_group_array(name) FROM (SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
			WHERE ct.contact_id = c.id ORDER BY t.name_norm)),
		(SELECT json_group_array(company_id) FROM (SELECT company_id FROM contact_companies WHERE contact_id = c.id ORDER BY company_id))
		FROM contacts c WHERE c.id IN (%s)`, anys(ids), func(scan func(...any) error) error {
		var c events.Contact
		var emails, tags, companies string
		if err := scan(&c.ID, &c.Name, &c.State, &c.JobTitle, &c.Phone, &c.Mobile, &c.Language, &c.TimeZone, &c.ExternalID,
			&c.TwitterID, &c.Address, &c.CompanyID, &c.VerifiedAt, &c.CreatedAt, &c.UpdatedAt, &emails, &tags, &companies); err != nil {
			return err
		}
		for _, l := range []struct {
			js   string
			into any
		}{{emails, &c.Emails}, {tags, &c.Tags}, {companies, &c.Companies}} {
			if err := json.Unmarshal([]byte(l.js), l.into); err != nil {
				return fmt.Errorf("decode snapshot of contact %d: %w", c.ID, err)
			}
		}
		if len(c.Emails) > 0 {
			c.Email = c.Emails[0]
		}
		c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
		out[c.ID] = c
		return nil
	})
	return out, err
}

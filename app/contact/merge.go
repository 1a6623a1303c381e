package contact

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// MaxMerge is how many contacts one merge combines, the primary included;
// more would not fit model.MaxEmails addresses anyway.
const MaxMerge = 10

// MergePlan is a merge as the agent reviews it: the contacts side by side,
// the value each field keeps, and what the merged contact ends up with.
type MergePlan struct {
	// Contacts are in the order the agent picked them; one is the Primary.
	Contacts []*model.Contact
	Primary  *model.Contact
	Rows     []MergeRow
	Kept     model.ContactFields
	// Emails, Tags and Companies count what the merged contact will have.
	Emails, Tags, Companies int
}

// MergeRow is one field across the contacts. It conflicts when they hold
// different non-empty values, and only then does the agent pick one.
type MergeRow struct {
	Field, Label string
	Conflict     bool
	Choices      []Choice // one per contact, in MergePlan.Contacts order
	Kept         string
}

// Choice is one contact's value of a field.
type Choice struct {
	ContactID int64
	Value     string
	Picked    bool
}

// NewMergePlan lays out merging contacts into the one with primaryID.
// picks names, per field, the contact whose value to keep; a field without
// a usable pick keeps the primary's value, or the first non-empty one.
func NewMergePlan(contacts []*model.Contact, primaryID int64, picks map[string]int64) (*MergePlan, error) {
	if err := checkMergeSet(contacts); err != nil {
		return nil, err
	}
	p := &MergePlan{Contacts: contacts}
	for _, c := range contacts {
		if c.ID == primaryID {
			p.Primary = c
		}
	}
	if p.Primary == nil {
		return nil, model.Invalid("primary", "Choose the contact to keep.")
	}
	for _, f := range mergeFields {
		row := p.row(f.key, f.label, f.at, picks[f.key])
		*f.at(&p.Kept) = row.Kept
		p.Rows = append(p.Rows, row)
	}
	p.count()
	return p, nil
}

// checkMergeSet refuses fewer than two contacts, too many, or repeats.
func checkMergeSet(contacts []*model.Contact) error {
	if len(contacts) < 2 {
		return model.Invalid("with", "Choose at least one duplicate to merge.")
	}
	if len(contacts) > MaxMerge {
		return model.Invalid("with", fmt.Sprintf("Merge at most %d contacts at a time.", MaxMerge))
	}
	seen := map[int64]bool{}
	for _, c := range contacts {
		if seen[c.ID] {
			return model.Invalid("with", "Each contact can be merged only once.")
		}
		seen[c.ID] = true
	}
	return nil
}

// row builds one field's row. The pick wins when it names a contact with
// a value; otherwise the primary's value, else the first non-empty one.
func (p *MergePlan) row(key, label string, at func(*model.ContactFields) *string, pick int64) MergeRow {
	row := MergeRow{Field: key, Label: label}
	values := map[string]bool{}
	var picked, primary, first int64
	for _, c := range p.Contacts {
		f := c.Fields()
		v := *at(&f)
		row.Choices = append(row.Choices, Choice{ContactID: c.ID, Value: v})
		if v == "" {
			continue
		}
		values[v] = true
		first = cmp.Or(first, c.ID)
		if c.ID == pick {
			picked = c.ID
		}
		if c.ID == p.Primary.ID {
			primary = c.ID
		}
	}
	chosen := cmp.Or(picked, primary, first)
	row.Conflict = len(values) > 1
	for i := range row.Choices {
		if row.Choices[i].ContactID == chosen {
			row.Choices[i].Picked, row.Kept = true, row.Choices[i].Value
		}
	}
	return row
}

// count totals the addresses, distinct tags and distinct companies the
// merged contact will have.
func (p *MergePlan) count() {
	tags, companies := map[string]bool{}, map[int64]bool{}
	for _, c := range p.Contacts {
		p.Emails += len(c.Emails)
		for _, t := range c.Tags {
			tags[strings.ToLower(t)] = true
		}
		for _, m := range c.Companies {
			companies[m.CompanyID] = true
		}
	}
	p.Tags, p.Companies = len(tags), len(companies)
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// ImportContact is a stored contact as an import compares a row with it.
type ImportContact struct {
	ID     int64
	State  model.State
	Fields model.ContactFields
	// Emails are its addresses, primary first.
	Emails []string
	Tags   []string
	// Companies are the names of the companies it belongs to;
	// DefaultCompany is its default company's, and SeesAll those whose
	// every ticket it sees.
	Companies      []string
	DefaultCompany string
	SeesAll        []string
}

// ImportLookup is what the database holds about the keys of a batch's
// rows: who has each address, external id, X handle and phone number.
type ImportLookup struct {
	ByEmail    map[string]int64 // normalised address → contact
	ByExternal map[string]int64
	ByHandle   map[string]int64   // lower-cased X handle → contact
	ByPhone    map[string][]int64 // phone or mobile number → contacts
	Agents     map[string]string  // normalised address → an agent's address
	Contacts   map[int64]*ImportContact
}

// lookupChunk bounds the values of one IN list.
const lookupChunk = 512

// ImportKeys are the keys of a batch's rows: normalised addresses,
// external ids, lower-cased X handles and phone numbers.
type ImportKeys struct {
	Emails, ExternalIDs, Handles, Phones []string
}

// Lookup finds the contacts holding any of the keys, and loads each of
// them. The addresses, nearly always the key, find and load their
// contacts in one query.
func (b *ImportTx) Lookup(ctx context.Context, k ImportKeys) (*ImportLookup, error) {
	l := &ImportLookup{ByEmail: map[string]int64{}, ByExternal: map[string]int64{}, ByHandle: map[string]int64{},
		ByPhone: map[string][]int64{}, Contacts: map[int64]*ImportContact{}}
	var err error
	if l.Agents, err = agentEmails(ctx, b.tx); err != nil {
		return nil, err
	}
	err = b.each(ctx, `SELECT ce.email_norm, `+importContactCols+` FROM contact_emails ce JOIN contacts c ON c.id = ce.contact_id
		WHERE ce.email_norm IN (%s)`, anys(k.Emails), func(scan func(...any) error) error {
		var key string
		c, err := scanImportContact(scan, &key)
		if err != nil {
			return err
		}
		l.ByEmail[key], l.Contacts[c.ID] = c.ID, c
		return nil
	})
	if err != nil {
		return nil, err
	}
	queries := []struct {
		sql  string
		keys []string
		put  func(key string, id int64)
	}{
		{`SELECT external_id, id FROM contacts WHERE external_id IN (%s)`, k.ExternalIDs, func(k string, id int64) { l.ByExternal[k] = id }},
		{`SELECT lower(twitter_id), id FROM contacts WHERE lower(twitter_id) IN (%s) AND twitter_id IS NOT NULL`, k.Handles,
			func(k string, id int64) { l.ByHandle[k] = id }},
		{`SELECT phone, id FROM contacts WHERE phone IN (%s) AND phone <> ''`, k.Phones, func(k string, id int64) { l.ByPhone[k] = append(l.ByPhone[k], id) }},
		{`SELECT mobile, id FROM contacts WHERE mobile IN (%s) AND mobile <> '' AND mobile <> phone`, k.Phones,
			func(k string, id int64) { l.ByPhone[k] = append(l.ByPhone[k], id) }},
	}
	for _, q := range queries {
		err := b.each(ctx, q.sql, anys(q.keys), func(scan func(...any) error) error {
			var key string
			var id int64
			if err := scan(&key, &id); err != nil {
				return err
			}
			q.put(key, id)
			if _, ok := l.Contacts[id]; !ok {
				l.Contacts[id] = nil
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return l, b.loadContacts(ctx, l.Contacts)
}

// each runs query, whose IN list is %s, over keys in chunks and calls fn
// with each result row.
func (b *ImportTx) each(ctx context.Context, query string, keys []any, fn func(scan func(...any) error) error) error {
	return eachIn(ctx, b.tx, query, keys, fn)
}

// eachIn is each within any transaction.
func eachIn(ctx context.Context, tx *sql.Tx, query string, keys []any, fn func(scan func(...any) error) error) error {
	for lo := 0; lo < len(keys); lo += lookupChunk {
		chunk := padded(keys[lo:min(lo+lookupChunk, len(keys))])
		rows, err := tx.QueryContext(ctx, fmt.Sprintf(query, marks(1, len(chunk))), chunk...)
		if err != nil {
			return fmt.Errorf("store: import lookup: %w", err)
		}
		for rows.Next() {
			if err := fn(rows.Scan); err != nil {
				rows.Close()
				return fmt.Errorf("store: import lookup: %w", err)
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("store: import lookup: %w", err)
		}
	}
	return nil
}

// padded repeats the last key until there are a power of two of them,
// which changes no IN list's meaning, so that a few statement texts, each
// prepared once and cached, serve lists of every length.
func padded(keys []any) []any {
	n := 1
	for n < len(keys) {
		n *= 2
	}
	out := append(make([]any, 0, n), keys...)
	for len(out) < n {
		out = append(out, keys[len(keys)-1])
	}
	return out
}

func anys[T any](vals []T) []any {
	out := make([]any, len(vals))
	for i, v := range vals {
		out[i] = v
	}
	return out
}

// marks writes n placeholders from $first: "$1, $2, $3".
func marks(first, n int) string {
	var sb strings.Builder
	for i := range n {
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "$%d", first+i)
	}
	return sb.String()
}

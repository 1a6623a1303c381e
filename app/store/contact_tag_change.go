package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// ChangeContactTag adds one tag to a contact, or removes it, leaving its
// other tags alone, with the audit entry and the contact.updated event in
// the same transaction. It reports whether anything changed: adding a
// tag the contact has, or removing one it lacks, writes nothing. A
// deleted contact is refused, as every other change to it is.
func (s *Store) ChangeContactTag(ctx context.Context, actor model.Actor, id int64, tag string, add bool) (bool, error) {
	changed := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := liveContact(ctx, tx, id); err != nil {
			return err
		}
		old, err := strings1(ctx, tx, `SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
			WHERE ct.contact_id = $1 ORDER BY t.name_norm`, id)
		if err != nil {
			return err
		}
		has := slices.ContainsFunc(old, func(t string) bool { return strings.EqualFold(t, tag) })
		if has == add {
			return nil
		}
		if err := s.applyTag(ctx, tx, id, tag, add); err != nil {
			return err
		}
		now, err := strings1(ctx, tx, `SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
			WHERE ct.contact_id = $1 ORDER BY t.name_norm`, id)
		if err != nil {
			return err
		}
		changed = true
		change := model.Change{Field: "tags", From: strings.Join(old, ", "), To: strings.Join(now, ", ")}
		if err := s.writeAudit(ctx, tx, actor, "contact", id, "updated", []model.Change{change}); err != nil {
			return err
		}
		return s.contactUpdated(ctx, tx, id, "tags")
	})
	return changed, err
}

// applyTag links or unlinks one tag and bumps the contact's updated_at.
func (s *Store) applyTag(ctx context.Context, tx *sql.Tx, id int64, tag string, add bool) error {
	if err := touch(ctx, tx, id, s.Now()); err != nil {
		return err
	}
	if add {
		return setTags(ctx, tx, id, []string{tag})
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM contact_tags WHERE contact_id = $1
		AND tag_id = (SELECT id FROM tags WHERE name_norm = $2)`, id, strings.ToLower(tag))
	if err != nil {
		return fmt.Errorf("store: untag contact %d: %w", id, err)
	}
	return nil
}

package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// addDomains lists new domains on a company. Each domain that no other
// company lists links the contacts with an address at that domain, as
// contact creation and a new address do.
func (s *Store) addDomains(ctx context.Context, tx *sql.Tx, actor model.Actor, id int64, name string, domains []string) error {
	for _, d := range domains {
		_, err := tx.ExecContext(ctx, `INSERT INTO company_domains (company_id, domain) VALUES ($1, $2) ON CONFLICT DO NOTHING`, id, d)
		if err != nil {
			return fmt.Errorf("store: add domain %s to company %d: %w", d, id, err)
		}
		if err := s.linkDomain(ctx, tx, actor, id, name, d); err != nil {
			return err
		}
	}
	return nil
}

// linkDomain links to company id every contact with an address at domain
// that is not yet a member, when id is the only company listing domain.
func (s *Store) linkDomain(ctx context.Context, tx *sql.Tx, actor model.Actor, id int64, name, domain string) error {
	var listed int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM company_domains WHERE domain = $1`, domain).Scan(&listed); err != nil {
		return fmt.Errorf("store: companies listing %s: %w", domain, err)
	}
	if listed != 1 {
		return nil
	}
	contacts, err := int64s(ctx, tx, `SELECT DISTINCT e.contact_id FROM contact_emails e WHERE e.domain = $1
		AND NOT EXISTS (SELECT 1 FROM contact_companies cc WHERE cc.contact_id = e.contact_id AND cc.company_id = $2)`, domain, id)
	if err != nil {
		return err
	}
	for _, c := range contacts {
		was, err := defaultCompany(ctx, tx, c)
		if err != nil {
			return err
		}
		if _, err := s.link(ctx, tx, c, id); err != nil {
			return err
		}
		if err := refreshSearch(ctx, tx, c); err != nil {
			return err
		}
		change := model.Change{Field: "company", To: name + " (email domain " + domain + ")"}
		if err := s.writeAudit(ctx, tx, actor, "contact", c, "company_added", []model.Change{change}); err != nil {
			return err
		}
		// A domain can link thousands of contacts: theirs is bulk work.
		if err := s.contactUpdatedFrom(Bulk(ctx), tx, c, was, "companies"); err != nil {
			return err
		}
	}
	return nil
}

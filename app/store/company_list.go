package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// likeEscaper makes user text literal inside a LIKE pattern.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// ListCompanies returns one page of companies sorted by name. A search
// matches a name or a domain anywhere; names that start with it come first.
func (s *Store) ListCompanies(ctx context.Context, q model.CompanyQuery) (*model.CompanyPage, error) {
	if q.PerPage <= 0 {
		q.PerPage = 30
	}
	q.Page = max(q.Page, 1)
	where, order, args := "TRUE", "co.name_norm, co.id", []any{}
	term := likeEscaper.Replace(strings.ToLower(strings.TrimSpace(q.Search)))
	if term != "" {
		where = `(co.name_norm LIKE $1 ESCAPE '\' OR co.id IN (SELECT company_id FROM company_domains WHERE domain LIKE $1 ESCAPE '\'))`
		args = append(args, "%"+term+"%")
	}
	page := &model.CompanyPage{Page: q.Page}
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM companies co WHERE `+where, args...).Scan(&page.Total); err != nil {
		return nil, fmt.Errorf("store: count companies: %w", err)
	}
	page.Pages = max(1, (page.Total+q.PerPage-1)/q.PerPage)
	if term != "" {
		args = append(args, term+"%")
		order = fmt.Sprintf(`CASE WHEN co.name_norm LIKE $%d ESCAPE '\' THEN 0 ELSE 1 END, `, len(args)) + order
	}
	args = append(args, q.PerPage, (q.Page-1)*q.PerPage)
	query := fmt.Sprintf(`SELECT %s FROM companies co WHERE %s ORDER BY %s LIMIT $%d OFFSET $%d`,
		companyColumns, where, order, len(args)-1, len(args))
	if err := s.scanCompanies(ctx, page, query, args); err != nil {
		return nil, err
	}
	return page, s.fillDomains(ctx, page.Companies)
}

func (s *Store) scanCompanies(ctx context.Context, page *model.CompanyPage, query string, args []any) error {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("store: list companies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		co, err := scanCompany(rows)
		if err != nil {
			return fmt.Errorf("store: scan company: %w", err)
		}
		page.Companies = append(page.Companies, *co)
	}
	return rows.Err()
}

// fillDomains loads the domains of a page of companies in one query.
func (s *Store) fillDomains(ctx context.Context, cos []model.Company) error {
	if len(cos) == 0 {
		return nil
	}
	marks, args, at := make([]string, len(cos)), make([]any, len(cos)), map[int64]*model.Company{}
	for i := range cos {
		marks[i], args[i], at[cos[i].ID] = fmt.Sprintf("$%d", i+1), cos[i].ID, &cos[i]
	}
	rows, err := s.r.QueryContext(ctx, `SELECT company_id, domain FROM company_domains WHERE company_id IN (`+
		strings.Join(marks, ", ")+`) ORDER BY domain`, args...)
	if err != nil {
		return fmt.Errorf("store: domains of companies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var d string
		if err := rows.Scan(&id, &d); err != nil {
			return fmt.Errorf("store: scan domain: %w", err)
		}
		at[id].Domains = append(at[id].Domains, d)
	}
	return rows.Err()
}

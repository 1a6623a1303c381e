package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// summaryShapes say, per grouping, which column groups the entries and
// how a group is named: the name table is joined to the sums, once per
// group, never per entry. A deleted ticket keeps the subject its entries
// copied; a deactivated agent is marked gone.
//
// Only the ticket grouping reads the subject an entry kept: the others
// are answered from an index alone, without visiting a row.
var summaryShapes = map[model.TimeGroupBy]struct{ key, label, join, kept string }{
	model.GroupCompany: {"coalesce(e.company_id, 0)", "coalesce(x.name, ''), FALSE", "LEFT JOIN companies x ON x.id = g.k", "''"},
	model.GroupContact: {"coalesce(e.contact_id, 0)", "coalesce(x.name, ''), x.id IS NULL", "LEFT JOIN contacts x ON x.id = g.k", "''"},
	model.GroupAgent:   {"e.agent_id", "coalesce(x.name, ''), NOT coalesce(x.active, FALSE)", "LEFT JOIN agents x ON x.id = g.k", "''"},
	model.GroupTicket:  {"e.ticket_id", "coalesce(x.subject, g.s), x.id IS NULL", "LEFT JOIN tickets x ON x.id = g.k", "max(e.ticket_subject)"},
	model.GroupDay:     {"e.work_date", "'', FALSE", "", "''"},
}

// TimeSummary sums the entries a query selects per group, unordered.
// Weeks and months are summed from days by the caller, which keeps the
// SQL free of date functions that differ between SQLite and PostgreSQL.
func (s *Store) TimeSummary(ctx context.Context, q model.TimeQuery) ([]model.TimeGroup, error) {
	g := q.Group
	if g.ByDate() {
		g = model.GroupDay
	}
	shape, ok := summaryShapes[g]
	if !ok {
		return nil, fmt.Errorf("store: unknown time grouping %q", q.Group)
	}
	cond, args := timeWhere(q)
	query := `SELECT g.k, ` + shape.label + `, g.b, g.n, g.c FROM (
		SELECT ` + shape.key + ` AS k, sum(CASE WHEN e.billable THEN e.seconds ELSE 0 END) AS b,
			sum(CASE WHEN e.billable THEN 0 ELSE e.seconds END) AS n, count(*) AS c, ` + shape.kept + ` AS s
		FROM time_entries e ` + cond + ` GROUP BY ` + shape.key + `) g ` + shape.join
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: time summary: %w", err)
	}
	defer rows.Close()
	var out []model.TimeGroup
	for rows.Next() {
		var t model.TimeGroup
		var key sql.NullString
		if err := rows.Scan(&key, &t.Label, &t.Gone, &t.Billable, &t.NonBillable, &t.Entries); err != nil {
			return nil, fmt.Errorf("store: scan time summary: %w", err)
		}
		t.Key = key.String
		out = append(out, t)
	}
	return out, rows.Err()
}

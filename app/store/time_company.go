package store

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// timeSums are the billable and non-billable sums and the count of the
// entries a query selects, in that order.
const timeSums = `coalesce(sum(CASE WHEN billable THEN seconds ELSE 0 END), 0),
	coalesce(sum(CASE WHEN billable THEN 0 ELSE seconds END), 0), count(*)`

// TicketsTime sums the entries of each of the given tickets, in one query
// however many tickets a page lists. Tickets without time are absent.
func (s *Store) TicketsTime(ctx context.Context, ticketIDs []int64) (map[int64]model.TimeTotals, error) {
	out := make(map[int64]model.TimeTotals, len(ticketIDs))
	if len(ticketIDs) == 0 {
		return out, nil
	}
	w := &where{}
	w.in("ticket_id", anyIDs(ticketIDs))
	rows, err := s.r.QueryContext(ctx, `SELECT ticket_id, `+timeSums+` FROM time_entries WHERE `+
		w.conds[0]+` GROUP BY ticket_id`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: time of tickets: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var t model.TimeTotals
		if err := rows.Scan(&id, &t.Billable, &t.NonBillable, &t.Entries); err != nil {
			return nil, fmt.Errorf("store: scan time of tickets: %w", err)
		}
		out[id] = t
	}
	return out, rows.Err()
}

// CompanyTimeTotals sums all the time recorded on a company's tickets,
// read from the company index alone.
func (s *Store) CompanyTimeTotals(ctx context.Context, companyID int64) (model.TimeTotals, error) {
	var t model.TimeTotals
	err := s.r.QueryRowContext(ctx, `SELECT `+timeSums+` FROM time_entries WHERE company_id = $1`, companyID).
		Scan(&t.Billable, &t.NonBillable, &t.Entries)
	if err != nil {
		return t, fmt.Errorf("store: time of company %d: %w", companyID, err)
	}
	return t, nil
}

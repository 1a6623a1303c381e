package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// ListTickets returns one page of the agents' ticket list.
//
// It pages by cursor (keyset), not by offset: a page is the next rows
// after (or before) the last one shown, in the order of an index that
// starts with the view's column (status or assignee, when set) and ends
// with the sort's, so any page of a million tickets reads about thirty
// index entries. Its ids come from tickets alone; their columns, with
// the requester, company and assignee, are read for those rows only.
func (s *Store) ListTickets(ctx context.Context, q model.TicketQuery) (*model.TicketPage, error) {
	if q.PerPage <= 0 {
		q.PerPage = 30
	}
	w := ticketWhere(q)
	order := ticketOrder(q)
	n := len(w.args)
	query := fmt.Sprintf(`SELECT t.id, t.updated_at FROM tickets t WHERE %s ORDER BY %s LIMIT $%d`, w.sql(), order, n+1)
	rows, err := s.r.QueryContext(ctx, query, append(w.args, q.PerPage+1)...)
	if err != nil {
		return nil, fmt.Errorf("store: list tickets: %w", err)
	}
	defer rows.Close()
	var keys []model.TicketCursor
	for rows.Next() {
		var k model.TicketCursor
		var at time.Time
		if err := rows.Scan(&k.ID, &at); err != nil {
			return nil, fmt.Errorf("store: scan ticket key: %w", err)
		}
		k.UpdatedAt = at.UnixNano()
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return s.ticketPage(ctx, q, keys)
}

// ticketPage turns the keys read (one more than a page when another
// page follows) into the page and its cursors.
func (s *Store) ticketPage(ctx context.Context, q model.TicketQuery, keys []model.TicketCursor) (*model.TicketPage, error) {
	more := len(keys) > q.PerPage
	keys = keys[:min(len(keys), q.PerPage)]
	if q.Cursor.Before {
		slices.Reverse(keys)
	}
	p := &model.TicketPage{}
	if len(keys) > 0 {
		first, last := keys[0], keys[len(keys)-1]
		first.Before, last.Before = true, false
		if (q.Cursor.Before && more) || (!q.Cursor.Before && q.Cursor.ID != 0) {
			p.Prev = &first
		}
		if (!q.Cursor.Before && more) || q.Cursor.Before {
			p.Next = &last
		}
	}
	ids := make([]int64, len(keys))
	for i, k := range keys {
		ids[i] = k.ID
	}
	var err error
	p.Tickets, err = s.ticketsByID(ctx, ids)
	return p, err
}

func (s *Store) ticketsByID(ctx context.Context, ids []int64) ([]model.Ticket, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	marks, args := make([]string, len(ids)), make([]any, len(ids))
	for i, id := range ids {
		marks[i], args[i] = "$"+strconv.Itoa(i+1), id
	}
	ts, err := s.tickets(ctx, ticketSelect+` WHERE t.id IN (`+strings.Join(marks, ", ")+`)`, args...)
	if err != nil {
		return nil, err
	}
	pos := make(map[int64]int, len(ids))
	for i, id := range ids {
		pos[id] = i
	}
	slices.SortFunc(ts, func(a, b model.Ticket) int { return pos[a.ID] - pos[b.ID] })
	return ts, nil
}

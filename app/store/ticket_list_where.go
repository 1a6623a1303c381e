package store

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// ticketConds collects the list's conditions with their arguments,
// numbered in order.
type ticketConds struct {
	conds []string
	args  []any
}

// add appends a condition whose placeholders are written as ?, numbered
// here so they follow the ones before.
func (w *ticketConds) add(cond string, args ...any) {
	for _, a := range args {
		w.args = append(w.args, a)
		cond = strings.Replace(cond, "?", "$"+strconv.Itoa(len(w.args)), 1)
	}
	w.conds = append(w.conds, cond)
}

func (w *ticketConds) sql() string {
	if len(w.conds) == 0 {
		return "TRUE"
	}
	return strings.Join(w.conds, " AND ")
}

// ticketWhere builds the view's, the filters', the search's and the
// cursor's conditions.
func ticketWhere(q model.TicketQuery) *ticketConds {
	w := &ticketConds{}
	if q.Status != "" {
		w.add("t.status = ?", q.Status)
	}
	for _, f := range []struct {
		col string
		id  int64
	}{{"t.assignee_id", q.AssigneeID}, {"t.company_id", q.CompanyID}, {"t.contact_id", q.ContactID}} {
		if f.id != 0 {
			w.add(f.col+" = ?", f.id)
		}
	}
	addTicketSearch(w, q.Search)
	if q.Cursor.ID != 0 {
		addTicketCursor(w, q)
	}
	return w
}

// addTicketSearch matches a number ("42" or "#42") to that ticket and
// words to the subject, each word as a prefix.
func addTicketSearch(w *ticketConds, search string) {
	search = strings.TrimSpace(search)
	if search == "" {
		return
	}
	num, numErr := strconv.ParseInt(strings.TrimPrefix(search, "#"), 10, 64)
	fts := FTSQuery(search)
	switch {
	case numErr == nil && (strings.HasPrefix(search, "#") || fts == ""):
		w.add("t.id = ?", num)
	case numErr == nil:
		w.add("(t.id = ? OR t.id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?))", num, fts)
	case fts == "":
		w.add("FALSE")
	default:
		w.add("t.id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?)", fts)
	}
}

// addTicketCursor keeps the rows after the cursor in the list's order,
// or before it when paging back.
func addTicketCursor(w *ticketConds, q model.TicketQuery) {
	op := "<"
	if q.Asc != q.Cursor.Before {
		op = ">"
	}
	if q.Sort == model.TicketSortCreated {
		w.add("t.id "+op+" ?", q.Cursor.ID)
		return
	}
	w.add("(t.updated_at, t.id) "+op+" (?, ?)", time.Unix(0, q.Cursor.UpdatedAt).UTC(), q.Cursor.ID)
}

// ticketOrder is the list's ORDER BY, reversed when paging back.
func ticketOrder(q model.TicketQuery) string {
	dir := "DESC"
	if q.Asc != q.Cursor.Before {
		dir = "ASC"
	}
	if q.Sort == model.TicketSortCreated {
		return "t.id " + dir
	}
	return fmt.Sprintf("t.updated_at %s, t.id %s", dir, dir)
}

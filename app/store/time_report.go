package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// timeWhere is the WHERE clause selecting a TimeQuery's entries, its
// placeholders numbered in order from 1.
func timeWhere(q model.TimeQuery) (string, []any) {
	w := &where{}
	w.add("e.work_date >= ?", q.From.Format(time.DateOnly))
	w.add("e.work_date <= ?", q.To.Format(time.DateOnly))
	if len(q.CompanyIDs) > 0 {
		w.in("e.company_id", anyIDs(q.CompanyIDs))
	}
	if q.ContactID != 0 {
		w.add("e.contact_id = ?", q.ContactID)
	}
	if q.AgentID != 0 {
		w.add("e.agent_id = ?", q.AgentID)
	}
	if q.Billable != "" {
		w.add("e.billable = ?", q.Billable == "yes")
	}
	if len(q.Statuses) > 0 {
		st := make([]any, len(q.Statuses))
		for i, v := range q.Statuses {
			st[i] = string(v)
		}
		// Entries carry their ticket's status, so the indexes answer this.
		w.in("e.ticket_status", st)
	}
	if q.Key != "" {
		keyCondition(w, q.Group, q.Key)
	}
	return "WHERE " + strings.Join(w.conds, " AND "), w.args
}

// keyCondition narrows to one group. A company or contact key of 0 is
// the entries without one (a deleted company, an erased contact).
func keyCondition(w *where, g model.TimeGroupBy, key string) {
	switch g {
	case model.GroupCompany, model.GroupContact:
		col := "e." + string(g) + "_id"
		if key == "0" {
			w.conds = append(w.conds, col+" IS NULL")
		} else {
			w.add(col+" = ?", atoi(key))
		}
	case model.GroupAgent, model.GroupTicket:
		w.add("e."+string(g)+"_id = ?", atoi(key))
	case model.GroupDay:
		w.add("e.work_date = ?", key)
	case model.GroupWeek, model.GroupMonth:
		from, _ := time.Parse(time.DateOnly, key)
		to := from.AddDate(0, 0, 6)
		if g == model.GroupMonth {
			to = from.AddDate(0, 1, -1)
		}
		w.add("e.work_date >= ?", from.Format(time.DateOnly))
		w.add("e.work_date <= ?", to.Format(time.DateOnly))
	}
}

// where collects conditions, numbering each "?" as the next $N.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, arg any) {
	w.args = append(w.args, arg)
	w.conds = append(w.conds, strings.Replace(cond, "?", "$"+strconv.Itoa(len(w.args)), 1))
}

func (w *where) in(col string, vals []any) {
	marks := make([]string, len(vals))
	for i, v := range vals {
		w.args = append(w.args, v)
		marks[i] = "$" + strconv.Itoa(len(w.args))
	}
	w.conds = append(w.conds, col+" IN ("+strings.Join(marks, ", ")+")")
}

func anyIDs(ids []int64) []any {
	out := make([]any, len(ids))
	for i, v := range ids {
		out[i] = v
	}
	return out
}

func atoi(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// EachTimeEntry calls fn with every entry a query selects, by day and
// then as recorded; the report's entries and its exports read them so.
func (s *Store) EachTimeEntry(ctx context.Context, q model.TimeQuery, limit int, fn func(model.TimeEntry) error) error {
	cond, args := timeWhere(q)
	sql := timeEntrySelect + " " + cond + " ORDER BY e.work_date, e.id"
	if limit > 0 {
		sql += fmt.Sprintf(" LIMIT %d", limit)
	}
	return s.eachTimeEntry(ctx, sql, args, fn)
}

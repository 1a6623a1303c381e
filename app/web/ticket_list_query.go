package web

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// parseTicketQuery reads the list's query string; unknown values fall
// back to defaults rather than failing.
func parseTicketQuery(c *fiber.Ctx) model.TicketQuery {
	q := model.TicketQuery{
		View: model.TicketView(c.Query("view")), Search: strings.TrimSpace(c.Query("q")),
		Sort: model.TicketSort(c.Query("sort")), Asc: c.Query("dir") == "asc",
	}
	if st := model.TicketStatus(q.View); st.Valid() {
		q.Status = st
	} else if q.View != model.TicketViewMine {
		q.View = model.TicketViewAll
	}
	if q.Sort != model.TicketSortCreated {
		q.Sort = model.TicketSortUpdated
	}
	if len(q.Search) > 200 {
		q.Search = q.Search[:200]
	}
	q.CompanyID, _ = strconv.ParseInt(c.Query("company"), 10, 64)
	q.ContactID, _ = strconv.ParseInt(c.Query("contact"), 10, 64)
	if q.View != model.TicketViewMine {
		q.AssigneeID, _ = strconv.ParseInt(c.Query("assignee"), 10, 64)
	}
	q.Cursor = parseCursor(c.Query("after"), c.Query("before"))
	return q
}

// parseCursor reads "updated-id" (the updated order's key; the number
// order ignores the first part). A malformed cursor is the first page.
func parseCursor(after, before string) model.TicketCursor {
	raw, back := after, false
	if raw == "" {
		raw, back = before, true
	}
	at, id, ok := strings.Cut(raw, "-")
	n, err1 := strconv.ParseInt(at, 10, 64)
	i, err2 := strconv.ParseInt(id, 10, 64)
	if !ok || err1 != nil || err2 != nil || i <= 0 {
		return model.TicketCursor{}
	}
	return model.TicketCursor{UpdatedAt: n, ID: i, Before: back}
}

// TicketViews are the list's tabs.
func (ticketListPage) TicketViews() [][2]string {
	return [][2]string{{"", "All"}, {"open", "Open"}, {"pending", "Pending"}, {"resolved", "Resolved"},
		{"closed", "Closed"}, {"mine", "Mine"}}
}

// URL links to this list with some parameters changed, given as
// name-value pairs; any change starts again at the first page.
func (p ticketListPage) URL(kv ...string) string {
	v := url.Values{}
	set := func(k, val string) {
		if val != "" && val != "0" {
			v.Set(k, val)
		}
	}
	q := p.Query
	set("view", string(q.View))
	set("q", q.Search)
	set("company", strconv.FormatInt(q.CompanyID, 10))
	set("contact", strconv.FormatInt(q.ContactID, 10))
	if q.View != model.TicketViewMine {
		set("assignee", strconv.FormatInt(q.AssigneeID, 10))
	}
	if q.Sort != model.TicketSortUpdated {
		set("sort", string(q.Sort))
	}
	if q.Asc {
		set("dir", "asc")
	}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Del(kv[i])
		set(kv[i], kv[i+1])
	}
	if len(v) == 0 {
		return "/tickets"
	}
	return "/tickets?" + v.Encode()
}

// SortURL sorts by col, newest first, or flips the direction when the
// list is already sorted by it.
func (p ticketListPage) SortURL(col string) string {
	dir := ""
	if string(p.Query.Sort) == col && !p.Query.Asc {
		dir = "asc"
	}
	return p.URL("sort", col, "dir", dir)
}

// PageURL links to the page at a cursor.
func (p ticketListPage) PageURL(cur *model.TicketCursor) string {
	key := fmt.Sprintf("%d-%d", cur.UpdatedAt, cur.ID)
	if cur.Before {
		return p.URL("after", "", "before", key)
	}
	return p.URL("before", "", "after", key)
}

// Paged reports whether the page is not the first, for "First page".
func (p ticketListPage) Paged() bool { return p.Query.Cursor.ID != 0 }

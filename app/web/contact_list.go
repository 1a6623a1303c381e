package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/bulk"
	"github.com/portico-hub/portico/app/model"
)

// contactListPage is the contacts list with its views, search and filters.
type contactListPage struct {
	Base
	Query  model.ContactQuery
	Result *model.ContactPage
	Counts model.ViewCounts
	Tags   []string
	// Lately holds, of the rows shown, the contacts sent a link in the
	// last few minutes, and when.
	Lately map[int64]time.Time
	// ByPhone says activation goes first by a phone channel, so rows
	// with only a mobile number offer it too.
	ByPhone bool
	// Bulk is the bulk bar's form as it was sent, when a refused action
	// shows the list again: its ticks, action and fields stay.
	BulkForm bulk.Request
	companyFilter
}

// contactList shows a page of contacts. Search-as-you-type and paging ask
// for the results fragment only, which needs no filter choices.
func (s *Server) contactList(c *fiber.Ctx) error {
	return s.renderContactList(c, fiber.StatusOK, parseContactQuery(c), nil)
}

// renderContactList renders the list for a query, with errs above it
// (the bulk send's, when a form post comes back to the list).
func (s *Server) renderContactList(c *fiber.Ctx, status int, q model.ContactQuery, errs map[string]string, form ...bulk.Request) error {
	ctx := c.UserContext()
	p := contactListPage{Base: base(c, "Contacts", "contacts"), Query: q}
	p.Errors = errs
	for _, f := range form {
		p.BulkForm = f
	}
	err := s.resolveCompany(ctx, c.Query("company_name"), &p)
	if err != nil {
		return err
	}
	p.Result = &model.ContactPage{Page: 1, Pages: 1}
	if p.UnknownCompany == "" {
		if p.Result, err = s.contacts.List(ctx, p.Query); err != nil {
			return err
		}
	}
	if err := s.loadSendState(ctx, &p); err != nil {
		return err
	}
	if !p.Narrowed() {
		if p.Counts, err = s.contacts.ViewCounts(ctx); err != nil {
			return err
		}
	}
	if !isPartial(c) {
		if err := s.loadFilterChoices(ctx, &p); err != nil {
			return err
		}
	}
	return render(c, status, "contacts/list", "contacts/_results", p)
}

func rowIDs(cs []model.Contact) []int64 {
	ids := make([]int64, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return ids
}

// parseContactQuery reads the list's query string; unknown values fall
// back to defaults rather than failing.
func parseContactQuery(c *fiber.Ctx) model.ContactQuery {
	q := model.ContactQuery{
		View: model.State(c.Query("view")), Search: strings.TrimSpace(c.Query("q")),
		Tag: c.Query("tag"), Sort: model.ContactSort(c.Query("sort")), Desc: c.Query("dir") == "desc", PerPage: 30,
	}
	if !q.View.Valid() {
		q.View = ""
	}
	switch q.Sort {
	case model.SortName, model.SortCreated, model.SortUpdated:
	default:
		q.Sort = model.SortName
	}
	if len(q.Search) > 200 {
		q.Search = q.Search[:200]
	}
	q.Page, _ = strconv.Atoi(c.Query("page"))
	q.Page = min(max(q.Page, 1), 100000)
	q.CompanyID, _ = strconv.ParseInt(c.Query("company"), 10, 64)
	q.IDs = parseIDs(c.Query("ids"))
	return q
}

// parseIDs reads a selection's comma-separated ids, keeping at most
// model.MaxTicked and dropping what is not an id.
func parseIDs(s string) []int64 {
	var ids []int64
	for _, v := range strings.Split(s, ",") {
		if id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil && id > 0 && len(ids) < model.MaxTicked {
			ids = append(ids, id)
		}
	}
	return ids
}

// URL links to this list with some parameters changed, given as
// name-value pairs. Any change other than the page goes back to page 1.
func (p contactListPage) URL(kv ...string) string {
	v := url.Values{}
	set := func(k, val string) {
		if val != "" {
			v.Set(k, val)
		}
	}
	q := p.Query
	set("view", string(q.View))
	set("q", q.Search)
	set("tag", q.Tag)
	if q.CompanyID != 0 {
		set("company", strconv.FormatInt(q.CompanyID, 10))
	}
	if q.Sort != model.SortName {
		set("sort", string(q.Sort))
	}
	if q.Desc {
		set("dir", "desc")
	}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Del(kv[i])
		set(kv[i], kv[i+1])
	}
	if len(kv) > 0 && kv[0] != "page" {
		v.Del("page")
	}
	if len(v) == 0 {
		return "/contacts"
	}
	return "/contacts?" + v.Encode()
}

// SortURL links to the list sorted by col: names A to Z and dates newest
// first, toggling the direction when the list is already sorted by col.
func (p contactListPage) SortURL(col string) string {
	current := string(p.Query.Sort) == col
	dir := ""
	switch {
	case col == string(model.SortName):
		if current && !p.Query.Desc {
			dir = "desc"
		}
	case !current || !p.Query.Desc:
		// Dates start with the newest: that is what an agent looks for.
		dir = "desc"
	}
	return p.URL("sort", col, "dir", dir)
}

// First and Last number the rows shown, for "31–60 of 1,000".
func (p contactListPage) First() int { return (p.Result.Page-1)*p.Query.PerPage + 1 }
func (p contactListPage) Last() int  { return p.First() + len(p.Result.Contacts) - 1 }

package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// filter is a list's WHERE clause in parts, with its arguments numbered
// from $1 in the order the parts appear.
type filter struct {
	state   string
	members []membership
	// match is the placeholder of the search index's query, when the
	// search has one and no address prefix; its argument is the last.
	match string
	args  []any
}

// membership is a company, tag or address condition in two forms: in
// collects the members first, for a few matches; exists checks one
// contact at a time, for a walk along a sort index.
type membership struct{ in, exists string }

func contactFilter(q model.ContactQuery) filter {
	var f filter
	arg := func(v any) string {
		f.args = append(f.args, v)
		return fmt.Sprintf("$%d", len(f.args))
	}
	f.state = "c.state <> 'deleted'"
	if q.View != "" {
		f.state = "c.state = " + arg(q.View)
	}
	if len(q.IDs) > 0 {
		f.members = append(f.members, idMembership(q.IDs, arg))
	}
	// Address prefixes come first: their few contacts drive the list.
	prefixes, words := splitSearch(q.Search)
	for _, p := range prefixes {
		f.members = append(f.members, addressMembership(arg(p), arg(p+addressEnd)))
	}
	if q.CompanyID != 0 {
		p := arg(q.CompanyID)
		f.members = append(f.members, membership{
			in:     "c.id IN (SELECT contact_id FROM contact_companies WHERE company_id = " + p + ")",
			exists: "EXISTS (SELECT 1 FROM contact_companies cc WHERE cc.company_id = " + p + " AND cc.contact_id = c.id)",
		})
	}
	if q.Tag != "" {
		p := arg(strings.ToLower(q.Tag))
		f.members = append(f.members, membership{
			in:     "c.id IN (SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name_norm = " + p + ")",
			exists: "EXISTS (SELECT 1 FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name_norm = " + p + " AND ct.contact_id = c.id)",
		})
	}
	if fts := FTSQuery(words); fts != "" {
		if len(prefixes) > 0 {
			f.members = append(f.members, wordsMembership(arg(fts)))
		} else {
			f.match = arg(fts)
		}
	}
	return f
}

// idMembership narrows a list to a ticked selection of contacts.
func idMembership(ids []int64, arg func(any) string) membership {
	marks := make([]string, len(ids))
	for i, id := range ids {
		marks[i] = arg(id)
	}
	in := "c.id IN (" + strings.Join(marks, ", ") + ")"
	return membership{in: in, exists: in}
}

func (f filter) filtered() bool { return len(f.members) > 0 || f.match != "" }

// where joins the conditions, collecting members first unless walk is set.
// The search is left out on a walk: the caller joins the search index.
func (f filter) where(walk bool) string {
	conds := []string{f.state}
	for _, m := range f.members {
		if walk {
			conds = append(conds, m.exists)
		} else {
			conds = append(conds, m.in)
		}
	}
	if f.match != "" && !walk {
		conds = append(conds, "c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH "+f.match+")")
	}
	return strings.Join(conds, " AND ")
}

func contactOrder(q model.ContactQuery) string {
	key, dir := sortKey(q)
	if key == "c.id" {
		return key + " " + dir
	}
	return key + " " + dir + ", c.id " + dir
}

// filteredPage counts a filtered list's matches, up to countCap, and
// picks its page. Up to countCap, the matches are collected once, which
// gives both the total and the sorted page. A search matching more than
// countCap contacts in the search index lists its newest matches in the
// index's own order instead, without sorting (or even counting) them all;
// a company or tag with more members walks the sort order's index.
func (s *Store) filteredPage(ctx context.Context, q model.ContactQuery, f filter, page *model.ContactPage) ([]int64, error) {
	if f.match != "" {
		broad, err := s.broadSearch(ctx, f)
		if err != nil || broad {
			page.Total, page.Capped = countCap, true
			return s.pageIDs(ctx, q, f, `SELECT c.id FROM contacts_fts JOIN contacts c ON c.id = contacts_fts.rowid
				WHERE %s AND contacts_fts MATCH `+f.match+` ORDER BY contacts_fts.rowid DESC`, err)
		}
	}
	ids, err := s.sortedMatches(ctx, q, f, page)
	if err != nil || page.Total <= countCap {
		return ids, err
	}
	page.Total, page.Capped = countCap, true
	return s.pageIDs(ctx, q, f, `SELECT c.id FROM contacts c WHERE %s ORDER BY `+contactOrder(q), nil)
}

// broadSearch reports whether more than countCap contacts match the
// search, in any view: the search index alone answers that at once.
func (s *Store) broadSearch(ctx context.Context, f filter) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, fmt.Sprintf(`SELECT count(*) FROM (SELECT 1 FROM contacts_fts WHERE contacts_fts MATCH $1 LIMIT %d) m`,
		countCap+1), f.args[len(f.args)-1]).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: count search matches: %w", err)
	}
	return n > countCap, nil
}

// pageIDs runs query, whose %s is the walking form of the filter, for
// one page.
func (s *Store) pageIDs(ctx context.Context, q model.ContactQuery, f filter, query string, err error) ([]int64, error) {
	if err != nil {
		return nil, err
	}
	n := len(f.args)
	query = fmt.Sprintf(query+` LIMIT $%d OFFSET $%d`, f.where(true), n+1, n+2)
	return int64s(ctx, s.r, query, append(f.args, q.PerPage, (q.Page-1)*q.PerPage)...)
}

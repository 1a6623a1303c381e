package web

import "github.com/portico-hub/portico/app/model"

// Views lists the view tabs with their counts.
func (p contactListPage) Views() []viewTab {
	return []viewTab{
		{"", "All", p.Counts.All}, {model.StateVerified, "Verified", p.Counts.Verified},
		{model.StateUnverified, "Unverified", p.Counts.Unverified}, {model.StateBlocked, "Blocked", p.Counts.Blocked},
		{model.StateDeleted, "Deleted", p.Counts.Deleted},
	}
}

type viewTab struct {
	State model.State
	Label string
	Count int
}

// Narrowed says a search or filter is on. The tabs then show no counts:
// theirs are of whole views, and next to "1–30 of 111 matching" they
// would read as counts of the matches, which would mean counting every
// view's matches on each keystroke.
func (p contactListPage) Narrowed() bool {
	q := p.Query
	return q.Search != "" || q.CompanyID != 0 || q.Tag != "" || p.UnknownCompany != ""
}

package model

// Selection is the contacts a bulk action goes to: the ones ticked on a
// list's page, or, when All is set, every contact the list's view,
// search and filters match, found again on the server when the action
// runs rather than sent by the browser.
type Selection struct {
	IDs   []int64      `json:"ids,omitempty"`
	All   bool         `json:"all,omitempty"`
	Query ContactQuery `json:"query"`
}

// Empty reports a selection of nothing: no contact ticked, and not all.
func (s Selection) Empty() bool { return !s.All && len(s.IDs) == 0 }

// Scoped returns the selection as it is kept for later: all matching
// keeps the list's filters and drops the ticks, paging and sorting; a
// ticked one keeps its ids.
func (s Selection) Scoped() Selection {
	if s.All {
		s.IDs = nil
		s.Query.Page, s.Query.PerPage, s.Query.IDs = 0, 0, nil
	}
	return s
}

// MaxTicked is how many contacts one can tick for a bulk action; more is
// "all matching", which the server finds itself.
const MaxTicked = 500

// BulkTarget is a contact as a bulk action decides whether it applies:
// its state, whether it has the action's tag, whether it belongs to the
// action's company and to how many companies.
type BulkTarget struct {
	ID        int64
	State     State
	HasTag    bool
	InCompany bool
	Companies int
	Tags      int
}

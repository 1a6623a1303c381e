package imports

import "github.com/portico-hub/portico/plugins/sdk"

// mark is where the stream can resume: after row, with cursor.
type mark struct {
	row    int
	cursor string
}

// placed is a company record of the stream, the number of the row it
// comes before, and the row of the place to resume after its batch. A
// resumed stream sends again the records after its cursor, so one may be
// written twice; the second time finds its company as the first left it
// and changes nothing.
type placed struct {
	before, upto int
	co           *sdk.Company
}

// due returns the company records not yet committed that come before
// row last, or in a batch of the plugin whose place to resume a batch
// ending at last may store, for that batch to write ahead of its
// contacts. cursorAt then picks among the places known now, whose
// records are all written. A batch tried again gets the same.
func (r *pluginRows) due(last int) []*sdk.Company {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for n < len(r.pending) && (r.pending[n].before <= last || r.pending[n].upto <= last) {
		n++
	}
	out := make([]*sdk.Company, n)
	for i, p := range r.pending[:n] {
		out[i] = p.co
	}
	r.writing, r.ready = n, len(r.marks)
	return out
}

// cursorAt returns the newest place to resume that lies at or before the
// committed row to, among those known when the batch's records were due,
// and forgets the older places.
func (r *pluginRows) cursorAt(to int) (mark, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	best := -1
	for i, m := range r.marks[:r.ready] {
		if m.row <= to {
			best = i
		}
	}
	if best < 0 {
		return mark{}, false
	}
	r.marks, r.ready = r.marks[best:], r.ready-best
	return r.marks[0], true
}

// committed forgets the company records the last commit stored.
func (r *pluginRows) committed() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.pending = r.pending[r.writing:]
	r.writing = 0
}

// tail reports that the stream sent, after its last row, what no batch
// committed: company records, or a newer place to resume.
func (r *pluginRows) tail() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.pending) > 0 || len(r.marks) > 1
}

package imports

import "github.com/portico-hub/portico/plugins/sdk"

// mark is where the stream can resume: after row, with cursor.
type mark struct {
	row    int
	cursor string
}

// placed is a company record of the stream and the number of the row it
// comes before. A resumed stream sends again the records after its
// cursor, so one may be written twice; the second time finds its company
// as the first left it and changes nothing.
type placed struct {
	before int
	co     *sdk.Company
}

// due returns the company records not yet committed that come before
// row last, for the batch that ends there to write ahead of its
// contacts. A batch tried again gets the same.
func (r *pluginRows) due(last int) []*sdk.Company {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for n < len(r.pending) && r.pending[n].before <= last {
		n++
	}
	out := make([]*sdk.Company, n)
	for i, p := range r.pending[:n] {
		out[i] = p.co
	}
	r.writing = n
	return out
}

// cursorAt returns the newest place to resume that lies at or before the
// committed row to, and forgets the older places.
func (r *pluginRows) cursorAt(to int) (mark, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	best := -1
	for i, m := range r.marks {
		if m.row <= to {
			best = i
		}
	}
	if best < 0 {
		return mark{}, false
	}
	r.marks = r.marks[best:]
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

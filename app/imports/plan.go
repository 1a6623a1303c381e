package imports

import (
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// outcome is what a row does.
type outcome int

const (
	outSkip outcome = iota
	outCreate
	outUpdate
	outFail
)

// step is a row's planned outcome and what it writes.
type step struct {
	p      *parsed
	out    outcome
	reason string
	create store.NewContact
	update store.ContactUpdate
}

// planner decides rows' outcomes against what the database holds.
type planner struct {
	m      importfile.Mapping
	params Params
	// companies caches company ids by lower-case name during one run.
	companies map[string]int64
	// steps and touched are planBatch's, kept from batch to batch.
	steps   []step
	touched touched
}

// plan decides one row. wait is true when the row touches something an
// earlier row of the batch writes, so it belongs to the next batch.
func (pl *planner) plan(p *parsed, l *store.ImportLookup, t touched) (s step, wait bool) {
	s.p = p
	if p.bad != "" {
		return pl.fail(s, p.bad), false
	}
	keys := p.keys(l, pl.params.Match)
	if t.hit(keys) {
		return s, true
	}
	ids := matchOf(p, l, pl.params.Match)
	switch {
	case len(ids) > 1:
		s = pl.fail(s, fmt.Sprintf("This row matches %d different contacts (%s).", len(ids), idList(ids)))
	case len(ids) == 0:
		s = pl.planCreate(s, l)
	default:
		s = pl.planUpdate(s, l.Contacts[ids[0]], l)
	}
	if s.out == outCreate || s.out == outUpdate {
		t.add(keys)
	}
	return s, false
}

func (pl *planner) fail(s step, why string) step {
	s.out, s.reason = outFail, why
	return s
}

func (pl *planner) planCreate(s step, l *store.ImportLookup) step {
	p := s.p
	switch {
	case pl.params.Mode == ModeUpdate:
		return s
	case len(p.errs) > 0:
		return pl.fail(s, reason(p.errs))
	}
	if why := taken(p.emails, p.norms, 0, l); why != "" {
		return pl.fail(s, why)
	}
	if why := takenKey(p.rec.Checked.Fields, 0, l); why != "" {
		return pl.fail(s, why)
	}
	access, _, why := pl.access(p, &store.ImportContact{})
	if why != "" {
		return pl.fail(s, why)
	}
	c := &p.rec.Checked
	s.out, s.create = outCreate, store.NewContact{Fields: c.Fields, Emails: c.Emails, Tags: c.Tags,
		ViewAllTickets: access != nil && access.On}
	return s
}

// taken names the first address held by an agent or by a contact other
// than self.
func taken(emails, norms []string, self int64, l *store.ImportLookup) string {
	for i, n := range norms {
		if _, ok := l.Agents[n]; ok {
			return fmt.Sprintf("Email: %s belongs to an agent.", emails[i])
		}
		if id, ok := l.ByEmail[n]; ok && id != self {
			return fmt.Sprintf("Email: %s belongs to contact %d.", emails[i], id)
		}
	}
	return ""
}

// takenKey names the external id or X handle of f that a contact other
// than self holds.
func takenKey(f model.ContactFields, self int64, l *store.ImportLookup) string {
	if id, ok := l.ByExternal[f.ExternalID]; ok && f.ExternalID != "" && id != self {
		return fmt.Sprintf("External ID: contact %d already has “%s”.", id, f.ExternalID)
	}
	if id, ok := l.ByHandle[strings.ToLower(f.TwitterID)]; ok && f.TwitterID != "" && id != self {
		return fmt.Sprintf("X handle: contact %d already has “@%s”.", id, f.TwitterID)
	}
	return ""
}

func idList(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf("contact %d", id)
	}
	return strings.Join(parts, ", ")
}

// planUpdate compares a row with its stored contact.
func (pl *planner) planUpdate(s step, c *store.ImportContact, l *store.ImportLookup) step {
	switch {
	case c == nil:
		return pl.fail(s, "The matching contact could not be read.")
	case c.State == model.StateDeleted:
		return pl.fail(s, fmt.Sprintf("This row matches contact %d, which is deleted; restore it to update it.", c.ID))
	case pl.params.Mode == ModeCreate:
		return s
	}
	u, why := pl.merge(s.p, c, l)
	switch {
	case why != "":
		return pl.fail(s, why)
	case len(u.Changes) == 0:
		return s
	}
	s.out, s.update = outUpdate, u
	return s
}

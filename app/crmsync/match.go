package crmsync

import (
	"slices"
	"strings"

	"github.com/portico-hub/portico/plugins/sdk"
)

// match pairs the plan's contacts and remote records by email address:
// a pair whose two records match each other alone is linked, a record
// matching several on the other side is ambiguous, a record matching
// none is created on the other side.
func (r *run) match(p *Plan) {
	byEmail := map[string][]string{}
	for id, ch := range p.remote {
		for _, e := range remoteEmails(ch) {
			if !slices.Contains(byEmail[e], id) {
				byEmail[e] = append(byEmail[e], id)
			}
		}
	}
	holders := map[string][]int64{}
	claimed := map[string]bool{}
	for _, id := range sortedIDs(p.contacts) {
		c := p.contacts[id]
		var found []string
		for _, e := range emailKeys(contactValues(c)) {
			for _, rid := range byEmail[e] {
				if !slices.Contains(found, rid) {
					found = append(found, rid)
				}
			}
		}
		slices.Sort(found)
		for _, rid := range found {
			holders[rid] = append(holders[rid], id)
			claimed[rid] = true
		}
		switch len(found) {
		case 0:
			p.CreateRemote = append(p.CreateRemote, PlanItem{LocalID: id, Name: c.Name})
		case 1:
			p.Link = append(p.Link, r.planLink(p, id, found[0]))
		default:
			p.Ambiguous = append(p.Ambiguous, Ambiguity{LocalIDs: []int64{id}, RemoteIDs: found,
				Reason: c.Name + " shares email addresses with " + itoa(len(found)) + " remote records"})
		}
	}
	r.splitShared(p, holders)
	for _, rid := range sortedKeys(p.remote) {
		if !claimed[rid] {
			p.CreateInPortico = append(p.CreateInPortico, PlanItem{RemoteID: rid, Name: remoteName(p.remote[rid])})
		}
	}
}

// splitShared moves the links to a remote record several contacts match
// into the ambiguities, and drops the single-match links of a remote
// record that an ambiguous contact also matches.
func (r *run) splitShared(p *Plan, holders map[string][]int64) {
	var keep []PlanItem
	for _, l := range p.Link {
		if len(holders[l.RemoteID]) == 1 {
			keep = append(keep, l)
		}
	}
	for _, rid := range sortedKeys(p.remote) {
		if h := holders[rid]; len(h) > 1 {
			p.Ambiguous = append(p.Ambiguous, Ambiguity{LocalIDs: h, RemoteIDs: []string{rid},
				Reason: remoteName(p.remote[rid]) + " shares email addresses with " + itoa(len(h)) + " Portico contacts"})
		}
	}
	p.Link = keep
}

// planLink says what linking a pair would change on each side.
func (r *run) planLink(p *Plan, id int64, rid string) PlanItem {
	c, ch := p.contacts[id], p.remote[rid]
	pr := r.pairOf(side{c: c, remote: &ch})
	decide(r.maps, pr)
	item := PlanItem{LocalID: id, RemoteID: rid, Name: c.Name, UpdatePortico: pr.toPortico, UpdateRemote: pr.toRemote}
	for _, cf := range pr.conflicts {
		item.Conflicts = append(item.Conflicts, cf.Field)
	}
	return item
}

func remoteEmails(ch sdk.Change) []string {
	var out []string
	if ch.Record.Contact != nil {
		for _, e := range ch.Record.Contact.Emails {
			out = append(out, strings.ToLower(strings.TrimSpace(e)))
		}
	}
	return out
}

func remoteName(ch sdk.Change) string {
	if ch.Record.Contact != nil {
		return ch.Record.Contact.Name
	}
	return ch.RemoteID
}

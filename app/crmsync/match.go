package crmsync

import (
	"slices"

	"github.com/portico-hub/portico/plugins/sdk"
)

// match pairs the plan's records of one kind and the remote ones by their
// keys: a pair whose two records match each other alone is linked, a
// record matching several on the other side is ambiguous, a record
// matching none is created on the other side.
func (r *run) match(p *Plan, obj object) {
	kind := obj.kind()
	remote, records := p.remote[kind], p.records[kind]
	byKey := indexKeys(remote)
	holders := map[string][]int64{}
	var links []PlanItem
	for _, id := range sortedIDs(records) {
		rec := records[id]
		found := matches(obj.keys(rec.V), byKey)
		for _, rid := range found {
			holders[rid] = append(holders[rid], id)
		}
		switch len(found) {
		case 0:
			p.CreateRemote = append(p.CreateRemote, PlanItem{Object: kind, LocalID: id, Name: rec.Name})
		case 1:
			links = append(links, r.planLink(obj, rec, remote[found[0]]))
		default:
			p.Ambiguous = append(p.Ambiguous, Ambiguity{Object: kind, LocalIDs: []int64{id}, RemoteIDs: found,
				Reason: rec.Name + " matches " + itoa(len(found)) + " remote records"})
		}
	}
	for _, l := range links {
		if len(holders[l.RemoteID]) == 1 {
			p.Link = append(p.Link, l)
		}
	}
	unmatched(p, kind, remote, holders)
}

// indexKeys lists the remote records by each of their keys.
func indexKeys(remote map[string]sdk.Change) map[string][]string {
	byKey := map[string][]string{}
	for _, id := range sortedKeys(remote) {
		for _, k := range remoteKeys(remote[id]) {
			if !slices.Contains(byKey[k], id) {
				byKey[k] = append(byKey[k], id)
			}
		}
	}
	return byKey
}

// matches lists, sorted, the remote records any of keys names.
func matches(keys []string, byKey map[string][]string) []string {
	var found []string
	for _, k := range keys {
		for _, rid := range byKey[k] {
			if !slices.Contains(found, rid) {
				found = append(found, rid)
			}
		}
	}
	slices.Sort(found)
	return found
}

// unmatched plans the remote records no Portico record matched, and
// those several matched.
func unmatched(p *Plan, kind string, remote map[string]sdk.Change, holders map[string][]int64) {
	for _, rid := range sortedKeys(remote) {
		switch h := holders[rid]; {
		case len(h) == 0:
			p.CreateInPortico = append(p.CreateInPortico, PlanItem{Object: kind, RemoteID: rid, Name: remoteName(remote[rid])})
		case len(h) > 1:
			p.Ambiguous = append(p.Ambiguous, Ambiguity{Object: kind, LocalIDs: h, RemoteIDs: []string{rid},
				Reason: remoteName(remote[rid]) + " matches " + itoa(len(h)) + " Portico records"})
		}
	}
}

// planLink says what linking a pair would change on each side.
func (r *run) planLink(obj object, rec *record, ch sdk.Change) PlanItem {
	pr := r.pairOf(side{obj: obj, rec: rec, remote: &ch})
	decide(r.maps[obj.kind()], pr)
	item := PlanItem{Object: obj.kind(), LocalID: rec.ID, RemoteID: ch.RemoteID, Name: rec.Name,
		UpdatePortico: pr.toPortico, UpdateRemote: pr.toRemote}
	for _, cf := range pr.conflicts {
		item.Conflicts = append(item.Conflicts, cf.Field)
	}
	return item
}

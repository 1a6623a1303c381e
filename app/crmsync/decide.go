package crmsync

import (
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// pair is one record on both sides: Portico's values p, the remote's r,
// the values agreed at the last sync (nil before the first), and when
// each side last changed, for "latest wins".
type pair struct {
	p, r, base values
	pAt, rAt   time.Time
	haveBase   bool
	conflicts  []model.CRMConflict
	toPortico  []string // fields Portico must take from target
	toRemote   []string // fields the remote must take from target
	target     values
}

// decide computes the value each mapped field should have on both sides:
// a field changed on one side only takes that side's value, a field both
// changed takes the rule's choice (and is recorded as a conflict). Before
// the first sync, an empty side takes the other's value whatever the
// rule: a blank never overwrites data.
func decide(maps []model.CRMFieldMap, pr *pair) {
	pr.target = values{}
	for _, m := range maps {
		f := m.PorticoField
		p, r := pr.p[f], pr.r[f]
		t := decideField(m, pr, p, r)
		pr.target[f] = t
		if !same(t, p) && m.Direction != ToRemote {
			pr.toPortico = append(pr.toPortico, f)
		}
		if !same(t, r) && m.Direction != ToPortico {
			pr.toRemote = append(pr.toRemote, f)
		}
	}
}

func decideField(m model.CRMFieldMap, pr *pair, p, r []string) []string {
	base := pr.base[m.PorticoField]
	pChanged := !pr.haveBase || !same(p, base)
	rChanged := !pr.haveBase || !same(r, base)
	switch {
	case m.Direction == ToRemote:
		return p
	case m.Direction == ToPortico && !rChanged:
		return p
	case m.Direction == ToPortico:
		return r
	case same(p, r) || !rChanged:
		return p
	case !pChanged:
		return r
	case !pr.haveBase && len(p) == 0:
		return r
	case !pr.haveBase && len(r) == 0:
		return p
	}
	kept := ruleChoice(m.Rule, pr, p, r)
	c := model.CRMConflict{Field: m.PorticoField, PorticoValue: strings.Join(p, ", "), RemoteValue: strings.Join(r, ", "),
		Rule: m.Rule, Kept: kept}
	pr.conflicts = append(pr.conflicts, c)
	if kept == "remote" {
		return r
	}
	return p
}

// ruleChoice says which side a conflict rule keeps.
func ruleChoice(rule string, pr *pair, p, r []string) string {
	switch {
	case rule == PreferPortico:
		return "portico"
	case rule == PreferRemote:
		return "remote"
	case rule == PreferNonEmpty && len(p) == 0:
		return "remote"
	case rule == PreferNonEmpty && len(r) == 0:
		return "portico"
	case pr.rAt.After(pr.pAt):
		return "remote"
	}
	return "portico"
}

package imports

import (
	"strconv"

	"github.com/portico-hub/portico/app/store"
)

func contactKey(id int64) string { return "c:" + strconv.FormatInt(id, 10) }

// touched is what the rows planned so far in a batch write to. A row that
// touches any of it waits for the next batch, which sees those writes in
// the database, so rows within a batch never depend on each other.
type touched map[string]bool

func (t touched) hit(keys []string) bool {
	for _, k := range keys {
		if t[k] {
			return true
		}
	}
	return false
}

func (t touched) add(keys []string) {
	for _, k := range keys {
		t[k] = true
	}
}

// lookupKeys collects the addresses, external ids, X handles and
// numbers of rows.
func lookupKeys(rows []*parsed, match Match) store.ImportKeys {
	var k store.ImportKeys
	for _, p := range rows {
		k.Emails = append(k.Emails, p.norms...)
		if p.ext != "" {
			k.ExternalIDs = append(k.ExternalIDs, p.ext)
		}
		if p.handle != "" {
			k.Handles = append(k.Handles, p.handle)
		}
		if p.phone != "" && match == MatchPhone {
			k.Phones = append(k.Phones, p.phone)
		}
	}
	return k
}

// matchOf finds the stored contacts a row's key leads to.
func matchOf(p *parsed, l *store.ImportLookup, match Match) []int64 {
	var ids []int64
	add := func(id int64) {
		for _, x := range ids {
			if x == id {
				return
			}
		}
		ids = append(ids, id)
	}
	switch match {
	case MatchEmail:
		for _, n := range p.norms {
			if id, ok := l.ByEmail[n]; ok {
				add(id)
			}
		}
	case MatchExternalID:
		if id, ok := l.ByExternal[p.ext]; ok && p.ext != "" {
			add(id)
		}
	case MatchTwitterID:
		if id, ok := l.ByHandle[p.handle]; ok && p.handle != "" {
			add(id)
		}
	case MatchPhone:
		for _, id := range l.ByPhone[p.phone] {
			add(id)
		}
	}
	return ids
}

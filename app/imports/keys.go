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

// lookupKeys collects the addresses, external ids and numbers of rows.
func lookupKeys(rows []*parsed, match Match) (emails, exts, phones []string) {
	for _, p := range rows {
		emails = append(emails, p.norms...)
		if p.ext != "" {
			exts = append(exts, p.ext)
		}
		if p.phone != "" && match == MatchPhone {
			phones = append(phones, p.phone)
		}
	}
	return emails, exts, phones
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
	case MatchPhone:
		for _, id := range l.ByPhone[p.phone] {
			add(id)
		}
	}
	return ids
}

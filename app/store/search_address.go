package store

import "strings"

// addressEnd follows every character an address can hold, so the
// addresses starting with p sort from p up to p+addressEnd.
const addressEnd = "\U0010FFFF"

// splitSearch separates what a user typed into address prefixes and the
// words for the search index. The search index splits addresses at "@"
// and ".", so "kim@" would find every kim; a word holding an "@" after
// its first character is matched instead against the start of the
// contacts' addresses, as they are stored (trimmed and lower case),
// without the quotes or brackets it was pasted with. A word starting
// with "@" stays with the search index, which finds the domain's words.
func splitSearch(input string) (prefixes []string, words string) {
	var rest []string
	for _, w := range strings.Fields(input) {
		a := NormEmail(strings.Trim(w, `<>"'(),;`))
		if strings.Index(a, "@") > 0 {
			prefixes = append(prefixes, a)
		} else {
			rest = append(rest, w)
		}
	}
	return prefixes, strings.Join(rest, " ")
}

// addressMembership matches the contacts having an address starting
// with the prefix whose bounds are the placeholders lo and hi: a range
// of the unique email_norm index, which PostgreSQL walks as well.
func addressMembership(lo, hi string) membership {
	cond := "e.email_norm >= " + lo + " AND e.email_norm < " + hi
	return membership{
		in:     "c.id IN (SELECT e.contact_id FROM contact_emails e WHERE " + cond + ")",
		exists: "EXISTS (SELECT 1 FROM contact_emails e WHERE e.contact_id = c.id AND " + cond + ")",
	}
}

// wordsMembership is the condition on the other words of a search that
// holds an address prefix. The search index's matches are collected once
// and each contact with a matching address looked up in them: asking the
// index about one contact at a time costs as much as collecting all the
// matches when a word's prefix covers many indexed words ("martin" also
// covers "martin2", "martin17"...).
func wordsMembership(match string) membership {
	in := "c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH " + match + ")"
	return membership{in: in, exists: in}
}

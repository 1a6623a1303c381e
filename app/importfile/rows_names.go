package importfile

import (
	"strings"
	"unicode"
)

// joinName makes a full name from its parts. Korean names keep the family
// name first without a space (김 + 민준 → 김민준); others read "First Last".
func joinName(first, last string) string {
	first, last = strings.TrimSpace(first), strings.TrimSpace(last)
	if hangul(first) && hangul(last) {
		return last + first
	}
	return strings.TrimSpace(first + " " + last)
}

func hangul(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return !unicode.Is(unicode.Hangul, r) }) < 0
}

// tagList reads Google's labels ("* myContacts ::: VIP") and Outlook's
// categories ("VIP;Beta") as a comma-separated list, leaving out Google's
// system labels, which start with "* ".
func tagList(v string) string {
	v = strings.NewReplacer(":::", ",", ";", ",").Replace(v)
	parts := strings.Split(v, ",")
	kept := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); !strings.HasPrefix(p, "* ") {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, ",")
}

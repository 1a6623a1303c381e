package address

import (
	"net/mail"
	"strings"
)

// Problem explains what is wrong with an address, or returns "" for one
// plain address such as ann@example.com. Display names ("Ann <ann@…>"),
// addresses without a dot in the domain and ones over 254 bytes are
// refused: they cannot be mailed or would not be what the person meant.
func Problem(s string) string {
	if s == "" {
		return "Enter an email address."
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" || !strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".") || len(s) > 254 {
		return "Enter a valid email address, such as ann@example.com."
	}
	return ""
}

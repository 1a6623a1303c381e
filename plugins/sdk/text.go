package sdk

import (
	"strings"
	"unicode"
)

// PlainText makes text from Portico (a template with people's names in
// it) safe to hand to a plain-text medium: invalid UTF-8, control
// characters (terminal escapes, bells, NULs) and the invisible bidi
// controls that can disguise a link are removed; tabs become spaces, CR LF
// becomes LF, and other line breaks stay. Markup such as <b> is left as
// text: escaping it is the medium's job (an XMPP library escapes XML).
func PlainText(s string) string {
	s = strings.ToValidUTF8(strings.ReplaceAll(s, "\r\n", "\n"), "")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case unicode.Is(unicode.Cc, r), isBidiControl(r), r == '\uFEFF':
			return -1
		}
		return r
	}, s)
}

func isBidiControl(r rune) bool {
	return r == '\u200E' || r == '\u200F' || r == '\u061C' ||
		(r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}

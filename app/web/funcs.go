package web

import (
	"html/template"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/webhooks"
	"github.com/portico-hub/portico/app/wording"
	"github.com/portico-hub/portico/static"
)

// funcs are the template functions every view may use.
var funcs = map[string]any{
	"date":     func(t time.Time) string { return t.UTC().Format("2 Jan 2006") },
	"datetime": func(t time.Time) string { return t.UTC().Format("2 Jan 2006 15:04 UTC") },
	"iso":      func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"asset":    func(p string) string { return "/static/" + p + "?v=" + static.Version },
	"ago":      ago,
	"number":   number,
	"count":    count,
	"pick":     wording.Pick,
	"initials": initials,
	"title":    func(s string) string { return strings.ToUpper(s[:min(1, len(s))]) + s[min(1, len(s)):] },
	"add":      func(a, b int) int { return a + b },
	"join":     strings.Join,
	"field":    func(s string) string { return strings.ReplaceAll(s, "_", " ") },
	"masked":   webhooks.Masked,
	"stateClass": func(s model.State) template.HTMLAttr {
		return template.HTMLAttr(`class="badge badge-` + string(s) + `"`)
	},
}

// ago says how long ago t was, in the largest whole unit.
func ago(t time.Time) string {
	d := time.Since(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return count(int(d/time.Minute), "minute") + " ago"
	case d < 24*time.Hour:
		return count(int(d/time.Hour), "hour") + " ago"
	case d < 30*24*time.Hour:
		return count(int(d/(24*time.Hour)), "day") + " ago"
	}
	return t.UTC().Format("2 Jan 2006")
}

// count and number are wording's, under the short names the handlers
// and templates use: pages, emails and the command line word numbers
// alike.
var (
	count  = wording.Count
	number = wording.Number
)

// initials returns up to two letters for an avatar.
func initials(name string) string {
	words := strings.Fields(name)
	var r []rune
	for _, w := range words {
		r = append(r, []rune(w)[0])
		if len(r) == 2 {
			break
		}
	}
	if len(words) == 1 {
		if w := []rune(words[0]); len(w) > 1 && w[0] > 0x2e80 {
			r = w[:1] // a Hangul or Han name reads best as its first letter
		}
	}
	return strings.ToUpper(string(r))
}

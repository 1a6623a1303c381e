package company

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/portico-hub/portico/app/model"
)

// MaxDomains is how many domains one company may list.
const MaxDomains = 100

// Domains splits a list of domains separated by commas, spaces or new
// lines, normalises each and drops repeats. A bad domain is a validation
// error on the "domains" field. It sorts them, as the store
// lists them, so an edit that only reorders them changes nothing.
func Domains(raw string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, d := range strings.FieldsFunc(raw, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) }) {
		norm := NormDomain(d)
		if !validHost(norm) {
			return nil, model.Invalid("domains", fmt.Sprintf("%q is not a domain. Enter domains such as example.com.", d))
		}
		if freeMail[norm] {
			return nil, model.Invalid("domains", fmt.Sprintf("%s is a public email service: listing it would link every contact who uses it to this company.", norm))
		}
		if !seen[norm] {
			seen[norm] = true
			out = append(out, norm)
		}
	}
	if len(out) > MaxDomains {
		return nil, model.Invalid("domains", fmt.Sprintf("A company can list at most %d domains.", MaxDomains))
	}
	slices.Sort(out)
	return out, nil
}

// freeMail lists public email services, whose addresses say nothing about
// an employer, so no company may claim their domains.
var freeMail = map[string]bool{
	"gmail.com": true, "googlemail.com": true, "outlook.com": true, "hotmail.com": true, "live.com": true,
	"msn.com": true, "yahoo.com": true, "yahoo.co.jp": true, "yahoo.co.kr": true, "icloud.com": true, "me.com": true,
	"mac.com": true, "aol.com": true, "proton.me": true, "protonmail.com": true, "gmx.com": true, "gmx.de": true,
	"gmx.net": true, "web.de": true, "mail.com": true, "yandex.ru": true, "mail.ru": true, "qq.com": true,
	"163.com": true, "126.com": true, "naver.com": true, "daum.net": true, "hanmail.net": true, "kakao.com": true,
	"nate.com": true, "zoho.com": true, "fastmail.com": true, "hey.com": true, "tutanota.com": true,
}

// NormDomain is the form a domain is stored and compared in, matching the
// part after the @ of an address: lower-cased, without a leading "@",
// scheme, "www." or trailing dot and path, as people paste them.
func NormDomain(d string) string {
	d = strings.ToLower(strings.TrimSpace(d))
	d = strings.TrimPrefix(d, "@")
	if i := strings.Index(d, "://"); i >= 0 {
		d = d[i+3:]
	}
	if i := strings.IndexAny(d, "/?#"); i >= 0 {
		d = d[:i]
	}
	d = strings.TrimSuffix(d, ".")
	return strings.TrimPrefix(d, "www.")
}

// validHost reports whether d is a host name of at least two labels, each
// of letters, digits and inner hyphens; letters may be non-Latin, as in
// the addresses the domain is matched against.
func validHost(d string) bool {
	labels := strings.Split(d, ".")
	if len(d) > 253 || len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
}

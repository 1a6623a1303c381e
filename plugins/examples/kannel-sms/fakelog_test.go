package main

import (
	"bufio"
	"io"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"unicode/utf16"
)

// sms is one message as the fake SMSC received it, its parts joined.
type sms struct {
	From, To, Text string
	Parts          int
}

var gotMessage = regexp.MustCompile(`Got message \d+: <(\S+) (\S+) (.*)>$`)

// part is one SMS of a concatenated message: its UDH names the group, the
// part count and the part's place.
type part struct {
	from, to, text string
	ref, total     byte
	seq            byte
}

// parseFakeLog reads fakesmsc's "Got message N: <from to text T>" lines,
// "ucs-2 D" for URL-encoded UCS-2, and "udh U data D" for the parts of a
// concatenated message, and joins those parts.
func parseFakeLog(r io.Reader) []sms {
	var out []sms
	groups := map[string][]part{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		m := gotMessage.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		p := part{from: m[1], to: m[2], total: 1}
		rest := m[3]
		if strings.HasPrefix(rest, "udh ") {
			udh, after, _ := strings.Cut(rest[4:], " ")
			b := decode(udh)
			if len(b) >= 6 && b[1] == 0 {
				p.ref, p.total, p.seq = b[3], b[4], b[5]
			}
			rest = after
		}
		kind, body, _ := strings.Cut(rest, " ")
		p.text = body
		if kind == "ucs-2" || kind == "data" {
			p.text = dataText(decode(body))
		}
		if p.total <= 1 {
			out = append(out, sms{From: p.from, To: p.to, Text: p.text, Parts: 1})
			continue
		}
		key := p.to + "/" + string(rune(p.ref))
		groups[key] = append(groups[key], p)
		if len(groups[key]) == int(p.total) {
			out = append(out, join(groups[key]))
			delete(groups, key)
		}
	}
	return out
}

func join(parts []part) sms {
	sort.Slice(parts, func(i, j int) bool { return parts[i].seq < parts[j].seq })
	var text strings.Builder
	for _, p := range parts {
		text.WriteString(p.text)
	}
	return sms{From: parts[0].from, To: parts[0].to, Text: text.String(), Parts: len(parts)}
}

func decode(s string) []byte {
	d, err := url.QueryUnescape(s)
	if err != nil {
		return nil
	}
	return []byte(d)
}

// dataText reads a part's bytes: fakesmsc logs GSM and UCS-2 parts alike
// as data, and UCS-2 always has NULs or high bytes where GSM text has none.
func dataText(b []byte) string {
	if !strings.ContainsFunc(string(b), func(r rune) bool { return r == 0 || r >= 0x80 }) {
		return string(b)
	}
	return ucs2(b)
}

func ucs2(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

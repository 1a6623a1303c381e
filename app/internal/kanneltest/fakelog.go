package kanneltest

import (
	"bufio"
	"bytes"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"
)

// SMS is one message as the fake SMSC received it, its parts joined.
type SMS struct {
	From, To, Text string
	Parts          int
}

// Received reads the fake SMSC's log: every message it was given so far.
func (k *Kannel) Received(t testing.TB) []SMS {
	t.Helper()
	data, err := os.ReadFile(k.fakeLog)
	if err != nil {
		t.Fatal(err)
	}
	return parse(data)
}

var gotMessage = regexp.MustCompile(`Got message \d+: <(\S+) (\S+) (.*)>$`)

// part is one SMS of a concatenated message: its UDH names the group, the
// part count and the part's place.
type part struct {
	from, to, text string
	ref, total     byte
	seq            byte
}

// parse reads fakesmsc's "Got message N: <from to text T>" lines, "ucs-2
// D" for URL-encoded UCS-2, and "udh U data D" for the parts of a
// concatenated message, and joins those parts.
func parse(data []byte) []SMS {
	var out []SMS
	groups := map[string][]part{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		m := gotMessage.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		p := readPart(m[1], m[2], m[3])
		if p.total <= 1 {
			out = append(out, SMS{From: p.from, To: p.to, Text: p.text, Parts: 1})
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

func readPart(from, to, rest string) part {
	p := part{from: from, to: to, total: 1}
	if strings.HasPrefix(rest, "udh ") {
		udh, after, _ := strings.Cut(rest[4:], " ")
		if b := decode(udh); len(b) >= 6 && b[1] == 0 {
			p.ref, p.total, p.seq = b[3], b[4], b[5]
		}
		rest = after
	}
	kind, body, _ := strings.Cut(rest, " ")
	p.text = body
	if kind == "ucs-2" || kind == "data" {
		p.text = dataText(decode(body))
	}
	return p
}

func join(parts []part) SMS {
	sort.Slice(parts, func(i, j int) bool { return parts[i].seq < parts[j].seq })
	var text strings.Builder
	for _, p := range parts {
		text.WriteString(p.text)
	}
	return SMS{From: parts[0].from, To: parts[0].to, Text: text.String(), Parts: len(parts)}
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
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

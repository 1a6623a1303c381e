package pluginhost

import "github.com/portico-hub/portico/plugins/sdk"

// Length is how a channel counts a message, for the template editor.
type Length struct {
	Chars    int
	Segments int
	// Unicode says an SMS channel must send the text as UCS-2 (70
	// characters a segment, 67 when split) because of a character
	// outside the GSM alphabet.
	Unicode bool
	// MaxSegments and MaxChars are the channel's limits; 0 for none.
	MaxSegments, MaxChars int
	// Over says the text does not fit the channel; LinkOver that it fits
	// without its link and not with it.
	Over, LinkOver bool
}

// Measure counts a message as a channel with limits l does: text is the
// message with its link, bare the same message without it.
func Measure(l sdk.MessageLimits, text, bare string) Length {
	m := l.Measure(text)
	n := Length{Chars: m.Chars, Segments: m.Segments, Unicode: m.Unicode, MaxSegments: l.MaxSegments, MaxChars: l.MaxChars}
	_, err := l.Check(text)
	n.Over = err != nil
	if n.Over {
		_, err := l.Check(bare)
		n.LinkOver = err == nil
	}
	return n
}

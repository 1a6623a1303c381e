package sdk

import (
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MessageLimits says how long a channel's messages may be. The host's
// template editor measures with it, and Check refuses what does not fit.
type MessageLimits struct {
	// MaxChars is the most characters a message may have; 0 for none.
	MaxChars int
	// MaxSegments is the most segments a message may use; 0 for none.
	MaxSegments int
	// SegmentChars fit in a message of one segment (SMS: 160); 0 when the
	// channel does not split messages.
	SegmentChars int
	// MultipartSegmentChars fit in each part of a split message (SMS: 153).
	MultipartSegmentChars int
	// Encoding is "" to count Unicode code points, or EncodingGSM7.
	Encoding string
	// UnicodeSegmentChars and UnicodeMultipartSegmentChars are the
	// segment sizes of text sent as UCS-2 (SMS: 70 and 67).
	UnicodeSegmentChars          int
	UnicodeMultipartSegmentChars int
}

// EncodingGSM7 counts characters as SMS does: see MessageLimits.
const EncodingGSM7 = "gsm7"

// SMSLimits are the usual limits of SMS: 160 GSM characters or 70 UCS-2
// ones in one message, 153 or 67 per part of a longer one, at most
// maxSegments parts.
func SMSLimits(maxSegments int) MessageLimits {
	return MessageLimits{MaxSegments: maxSegments, SegmentChars: 160, MultipartSegmentChars: 153,
		Encoding: EncodingGSM7, UnicodeSegmentChars: 70, UnicodeMultipartSegmentChars: 67}
}

// Measure is a message's length as its channel counts it.
type Measure struct {
	Chars    int
	Segments int
	// Unicode is set when a GSM channel must send the text as UCS-2.
	Unicode bool
}

// Measure counts text's characters and segments.
func (l MessageLimits) Measure(text string) Measure {
	m := Measure{Chars: utf8.RuneCountInString(text)}
	single, multi := l.SegmentChars, l.MultipartSegmentChars
	if l.Encoding == EncodingGSM7 {
		if n, ok := gsm7Len(text); ok {
			m.Chars = n
		} else {
			m.Unicode = true
			m.Chars = len(utf16.Encode([]rune(text)))
			single, multi = l.UnicodeSegmentChars, l.UnicodeMultipartSegmentChars
		}
	}
	switch {
	case text == "":
	case single <= 0:
		m.Segments = 1
	case m.Chars <= single:
		m.Segments = 1
	default:
		multi = max(multi, 1)
		m.Segments = (m.Chars + multi - 1) / multi
	}
	return m
}

// Check measures text and refuses it with a TooLong error naming the limit
// when it does not fit.
func (l MessageLimits) Check(text string) (Measure, error) {
	m := l.Measure(text)
	switch {
	case l.MaxChars > 0 && m.Chars > l.MaxChars:
		return m, &Error{Kind: ErrTooLong, Message: fmt.Sprintf(
			"the message has %d characters; this channel takes at most %d", m.Chars, l.MaxChars)}
	case l.MaxSegments > 0 && m.Segments > l.MaxSegments:
		return m, &Error{Kind: ErrTooLong, Message: fmt.Sprintf(
			"the message needs %d segments (%d characters%s); this channel sends at most %d", m.Segments, m.Chars,
			map[bool]string{true: " of Unicode text", false: ""}[m.Unicode], l.MaxSegments)}
	}
	return m, nil
}

// The GSM 03.38 default alphabet (without its escape), and the extension
// table's characters, which take two.
const (
	gsm7Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
		"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
	gsm7Extension = "\f^{}\\[~]|€"
)

// gsm7Len counts text in septets, or reports that it is not GSM text.
func gsm7Len(text string) (int, bool) {
	n := 0
	for _, r := range text {
		switch {
		case strings.ContainsRune(gsm7Basic, r):
			n++
		case strings.ContainsRune(gsm7Extension, r):
			n += 2
		default:
			return 0, false
		}
	}
	return n, true
}

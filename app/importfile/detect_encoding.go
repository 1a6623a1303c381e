package importfile

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/korean"
)

var bomUTF8 = []byte{0xEF, 0xBB, 0xBF}

// detectEncoding tries, in order: a byte order mark, the zero bytes of
// BOM-less UTF-16, UTF-8, Korean CP949 text, and finally Windows-1252,
// which decodes any byte and is what Western Excel writes. A stray zero
// byte in a text file is no reason to refuse it: the reader drops it, and
// Detect refuses a file only when it is mostly control bytes.
func detectEncoding(head []byte) (Encoding, error) {
	switch {
	case bytes.HasPrefix(head, bomUTF8):
		return UTF8BOM, nil
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return UTF16LE, nil
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return UTF16BE, nil
	}
	if enc, ok := utf16ByZeros(head); ok {
		return enc, nil
	}
	switch {
	case mostlyUTF8(trimPartialUTF8(head)):
		return UTF8, nil
	case isKorean(head):
		return CP949, nil
	}
	return Windows1252, nil
}

// utf16ByZeros spots UTF-16 without a BOM: mostly-ASCII text then has a
// zero byte in every pair, after the character (LE) or before it (BE).
func utf16ByZeros(head []byte) (Encoding, bool) {
	n := min(len(head), 4096) / 2
	even, odd := 0, 0
	for i := 0; i < n; i++ {
		if head[2*i] == 0 {
			even++
		}
		if head[2*i+1] == 0 {
			odd++
		}
	}
	switch {
	case n == 0:
		return "", false
	case odd*3 > n && even*20 < odd:
		return UTF16LE, true
	case even*3 > n && odd*20 < even:
		return UTF16BE, true
	}
	return "", false
}

// mostlyUTF8 accepts UTF-8 with a few bad bytes, at most one per ten
// well-formed multi-byte characters: one corrupt byte should fail its
// cell, not turn every accented letter in the file into mojibake.
func mostlyUTF8(b []byte) bool {
	multi, bad := 0, 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			bad++
		} else if n > 1 {
			multi++
		}
		b = b[n:]
	}
	return multi >= 10*bad
}

// isKorean reports bytes that decode as CP949 without a bad sequence and
// hold Hangul; a cut-off character at the end of the sample is forgiven.
func isKorean(head []byte) bool {
	out, err := korean.EUCKR.NewDecoder().Bytes(head)
	if err != nil {
		return false
	}
	text := bytes.TrimSuffix(out, []byte("\uFFFD"))
	return !bytes.ContainsRune(text, utf8.RuneError) && bytes.ContainsFunc(text, func(r rune) bool {
		return unicode.Is(unicode.Hangul, r)
	})
}

// trimPartialUTF8 drops an incomplete character cut off at the end of b.
func trimPartialUTF8(b []byte) []byte {
	for i := 1; i <= utf8.UTFMax-1 && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			break
		}
	}
	return b
}

package importfile

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// HeadSize is how much of the start of a file Detect looks at.
const HeadSize = 64 << 10

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Detect guesses how to read a file from its first HeadSize bytes (or all
// of it, when shorter) and its name. The content decides the kind: names
// lie, and a CSV renamed to .xlsx is still read as CSV. The name only
// breaks a tie in favour of tab for .tsv files.
func Detect(head []byte, name string) (Dialect, error) {
	switch {
	case len(head) == 0:
		return Dialect{}, fileError(msgEmpty)
	case bytes.HasPrefix(head, zipMagic):
		return Dialect{Kind: KindXLSX, Header: true}, nil
	case bytes.HasPrefix(head, oleMagic):
		return Dialect{}, fileError(msgOldExcel)
	}
	enc, err := detectEncoding(head)
	if err != nil {
		return Dialect{}, err
	}
	text := decodeHead(head, enc)
	if looksBinary(text) {
		return Dialect{}, fileError(msgNotCSVOrExcel)
	}
	if strings.TrimSpace(strings.TrimPrefix(text, "\ufeff")) == "" {
		return Dialect{}, fileError(msgEmpty)
	}
	return Dialect{Kind: KindCSV, Encoding: enc, Delimiter: detectDelimiter(text, name), Header: true}, nil
}

// decodeHead decodes the sample for the checks that follow; a character cut
// off at the end of the sample does not matter there.
func decodeHead(head []byte, enc Encoding) string {
	dec := enc.decoder()
	if dec == nil {
		return string(trimPartialUTF8(head))
	}
	out, err := dec.NewDecoder().Bytes(head)
	if err != nil {
		return string(head)
	}
	return string(out)
}

// looksBinary reports text with more control characters or undecodable
// bytes than a text file has: one in fifty. Zero bytes count apart, as a
// broken export leaves a few in a cell that the reader drops; a file is
// binary only when a quarter of it is zeros.
func looksBinary(text string) bool {
	odd, zeros, n := 0, 0, 0
	for _, r := range text {
		n++
		switch {
		case r == 0:
			zeros++
		case (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f || r == utf8.RuneError:
			odd++
		}
	}
	return odd*50 > n || zeros*4 > n
}

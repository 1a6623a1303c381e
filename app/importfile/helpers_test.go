package importfile

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"golang.org/x/text/encoding"
)

// result is everything reading one file gives.
type result struct {
	dialect Dialect
	header  []string
	rows    []Row
	err     error // the first file error, from Detect, Open or Next
}

// readAll detects, opens and reads a whole file held in memory.
func readAll(t testing.TB, name string, data []byte, lim Limits) result {
	t.Helper()
	var res result
	head := data[:min(len(data), HeadSize)]
	if res.dialect, res.err = Detect(head, name); res.err != nil {
		return res
	}
	rd, err := Open(bytes.NewReader(data), int64(len(data)), res.dialect, lim)
	if res.err = err; err != nil {
		return res
	}
	defer rd.Close()
	res.header = rd.Header()
	for {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return res
		}
		if res.err = err; err != nil {
			return res
		}
		res.rows = append(res.rows, row)
	}
}

// fileErr is the message of a *FileError, or the error text otherwise.
func fileErr(err error) string {
	var fe *FileError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &fe):
		return fe.Error()
	}
	return "unexpected: " + err.Error()
}

// encode writes s in enc, for building files in other encodings.
func encode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

// problems collects the rows' problems and warnings by row number.
func problems(rows []Row) map[int]string {
	out := map[int]string{}
	for _, r := range rows {
		switch {
		case r.Problem != "":
			out[r.Number] = r.Problem
		case r.Warning != "":
			out[r.Number] = "warning: " + r.Warning
		}
	}
	return out
}

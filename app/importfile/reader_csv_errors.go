package importfile

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
)

// errRecordTooLong stops a record that runs past Limits.MaxRow.
var errRecordTooLong = errors.New("importfile: record too long")

// broken turns a quoting error into a row problem, or into a file error
// when the open quote ran to the end of the file across lines.
func (s *csvSource) broken(rec []string, perr *csv.ParseError) ([]string, int, string, error) {
	s.advance(perr.StartLine, perr.Line)
	col := columnName(len(rec))
	if errors.Is(perr.Err, csv.ErrBareQuote) {
		return rec, s.number, fmt.Sprintf(
			"Cell %s has a quote (\") inside it but does not start with one. Put the cell in quotes and double the quotes inside it (\"\").", col), nil
	}
	if s.in.drained(s.cr.InputOffset()) {
		if perr.Line > perr.StartLine {
			return nil, 0, "", &FileError{Row: s.number, Message: fmt.Sprintf(
				"A quote (\") opens cell %s and never closes, so the rest of the file cannot be read. Check the quotes in this row.", col)}
		}
		return rec, s.number, fmt.Sprintf("A quote (\") in cell %s does not close where it should. Check the quotes in this row.", col), nil
	}
	msg := fmt.Sprintf("Cell %s has text after its closing quote (\"). Double the quotes inside a quoted cell (\"\").", col)
	if perr.Line > perr.StartLine {
		msg += fmt.Sprintf(" The cell runs over %d lines of the file.", perr.Line-perr.StartLine+1)
	}
	return rec, s.number, msg, nil
}

// recordLimit passes bytes to the CSV parser and fails once it has read
// more than max past start, the input offset where the record began.
type recordLimit struct {
	r     io.Reader
	max   int64
	read  int64
	start int64
	eof   bool
}

func (l *recordLimit) Read(p []byte) (int, error) {
	if l.read-l.start > l.max {
		return 0, errRecordTooLong
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	l.eof = l.eof || errors.Is(err, io.EOF)
	return n, err
}

// drained reports that the parser has consumed the whole input.
func (l *recordLimit) drained(offset int64) bool {
	return l.eof && offset == l.read
}

// crToLF turns the lone carriage returns of old Mac files into line feeds.
type crToLF struct{ r io.Reader }

func (c crToLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

// dropNUL removes the zero bytes that a broken export leaves in a cell,
// which no contact field can hold, so the row imports without them. It
// reads decoded UTF-8, where a zero byte is never part of a character.
type dropNUL struct{ r io.Reader }

func (d dropNUL) Read(p []byte) (int, error) {
	for {
		n, err := d.r.Read(p)
		kept := p[:0]
		for _, b := range p[:n] {
			if b != 0 {
				kept = append(kept, b)
			}
		}
		if len(kept) > 0 || n == 0 || err != nil {
			return len(kept), err
		}
	}
}

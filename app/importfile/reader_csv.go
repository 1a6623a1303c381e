package importfile

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/transform"
)

// csvSource reads CSV records strictly: a stray quote fails its row, and
// reading goes on at the next line. A quote that never closes swallows
// the rest of the file, so it ends the file with the row where it opened.
type csvSource struct {
	cr *csv.Reader
	in *recordLimit
	// reopen reads the decoded text again from its start, to look into a
	// row that ran past the limit.
	reopen  func() io.Reader
	number  int // row number of the last record
	endLine int // physical line the last record ended on
	maxCell int
}

// openCSV layers the decoding, the record-length guard and the CSV parser.
func openCSV(r io.ReaderAt, size int64, d Dialect, lim Limits) (*csvSource, error) {
	head := make([]byte, min(size, HeadSize))
	if _, err := r.ReadAt(head, 0); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("importfile: read head: %w", err)
	}
	decoded := func() io.Reader {
		var in io.Reader = io.NewSectionReader(r, 0, size)
		if dec := d.Encoding.decoder(); dec != nil {
			in = transform.NewReader(in, dec.NewDecoder())
		} else if bytes.HasPrefix(head, bomUTF8) {
			in = io.NewSectionReader(r, int64(len(bomUTF8)), size-int64(len(bomUTF8)))
		}
		if bytes.IndexByte(head, '\n') < 0 && bytes.IndexByte(head, '\r') >= 0 {
			in = crToLF{in}
		}
		return dropNUL{in}
	}
	s := &csvSource{in: &recordLimit{r: decoded(), max: lim.MaxRow()}, reopen: decoded, maxCell: lim.MaxCell}
	s.cr = csv.NewReader(s.in)
	s.cr.Comma, s.cr.FieldsPerRecord, s.cr.ReuseRecord = d.Delimiter, -1, true
	return s, nil
}

func (s *csvSource) close() error { return nil }

// next numbers records as a spreadsheet would: blank lines between records
// take row numbers, embedded line breaks do not.
func (s *csvSource) next() ([]string, int, string, error) {
	for {
		s.in.start = s.cr.InputOffset()
		rec, err := s.cr.Read()
		if err != nil {
			return s.failed(rec, err)
		}
		start, _ := s.cr.FieldPos(0)
		last, _ := s.cr.FieldPos(len(rec) - 1)
		s.advance(start, last+strings.Count(rec[len(rec)-1], "\n"))
		if !blank(rec) {
			return rec, s.number, "", nil
		}
	}
}

// failed sorts out a read error: the end, a runaway record, or a quoting
// error that may fail just its row.
func (s *csvSource) failed(rec []string, err error) ([]string, int, string, error) {
	var perr *csv.ParseError
	switch {
	case errors.Is(err, errRecordTooLong):
		return nil, 0, "", s.tooLong()
	case errors.As(err, &perr):
		return s.broken(rec, perr)
	}
	return nil, 0, "", err
}

// advance moves the row number past the record on lines start to end.
func (s *csvSource) advance(start, end int) {
	s.number += start - s.endLine
	s.endLine = end
}

package importfile

import (
	"bufio"
	"fmt"
	"io"
)

// tooLong words the file error of a row that ran past the longest row
// read (Limits.MaxRow): which row, the limit, and whether an open
// quote made it run on or the row is simply that long. It reads the row
// again from its start to tell, so only a file that fails pays for it.
func (s *csvSource) tooLong() *FileError {
	row, quoted, err := s.longRow(s.in.start)
	if err != nil {
		row, quoted = s.number+1, false
	}
	limit := mb(s.in.max)
	if quoted {
		return &FileError{Row: row, Message: fmt.Sprintf(
			"This row is longer than %s, the most a row may hold: a quote (\") opens a cell in it and does not close within %s. Check the quotes in this row.",
			limit, limit)}
	}
	return &FileError{Row: row, Message: fmt.Sprintf(
		"This row is longer than %s, the most a row may hold, so the rest of the file cannot be read. A cell may hold at most %s; shorten the long cells of this row or split them over more columns.",
		limit, mb(int64(s.maxCell)))}
}

// longRow reads the decoded text from offset start, where the long row's
// record begins, and returns the row's number, past any blank lines
// before it, and whether a quote occurs in its first Limits.MaxRow
// bytes. In a record a quote that is not part of a quoted cell ends it
// at once as a stray quote, so a long record with a quote has an open one.
func (s *csvSource) longRow(start int64) (row int, quoted bool, err error) {
	in := s.reopen()
	if _, err := io.CopyN(io.Discard, in, start); err != nil {
		return 0, false, err
	}
	br := bufio.NewReader(io.LimitReader(in, s.in.max))
	row = s.number + 1
	for {
		b, err := br.ReadByte()
		switch {
		case err != nil:
			return row, false, nil
		case b == '"':
			return row, true, nil
		case b == '\n':
			row++
		case b != '\r':
			return row, scanQuote(br), nil
		}
	}
}

// scanQuote reports whether a quote is still to come in br.
func scanQuote(br *bufio.Reader) bool {
	_, err := br.ReadSlice('"')
	for err == bufio.ErrBufferFull {
		_, err = br.ReadSlice('"')
	}
	return err == nil
}

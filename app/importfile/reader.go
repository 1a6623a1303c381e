package importfile

import (
	"fmt"
	"io"
)

// Row is one row of data, numbered as a spreadsheet shows it: the header
// is row 1 and blank rows, which are passed over, still take a number.
type Row struct {
	Number int
	// Cells has exactly one cell per header column.
	Cells []string
	// Problem, when set, is why the row cannot be imported (a stray quote,
	// an over-long cell). The row still counts as a row of the file.
	Problem string
	// Warning notes something fixed up while reading, such as a row with
	// more or fewer cells than the header.
	Warning string
}

// source yields the non-blank records of one file format in order.
type source interface {
	// next returns a record's cells, its row number and a problem that
	// fails the row; the error is io.EOF at the end, or a *FileError.
	next() (cells []string, number int, problem string, err error)
	close() error
}

// Reader reads a file row by row, in constant memory for CSV.
//
// A job resumes an interrupted import by opening the file again and
// calling SkipTo with the number of the last row it committed: the rows
// are read again and dropped, which costs about a second per million.
type Reader struct {
	src     source
	header  []string
	limits  Limits
	rows    int
	pending []Row
	err     error // the error that ended reading
	// choices are the first rows, offered as the header row; headerRow
	// is the one taken and detected the one guessed.
	choices             []Row
	headerRow, detected int
	// shortIsNormal is set for Excel, which leaves out trailing empty
	// cells, so a short row there is no news.
	shortIsNormal bool
}

// Open starts reading a file of size bytes in dialect d. It reads the
// header row; a file without data rows is not an error, but one without
// any row is.
func Open(r io.ReaderAt, size int64, d Dialect, lim Limits) (*Reader, error) {
	lim = lim.WithDefaults()
	if size == 0 {
		return nil, fileError(msgEmpty)
	}
	if d.Kind == KindCSV && DelimiterName(d.Delimiter) == "" {
		return nil, fmt.Errorf("importfile: unsupported delimiter %q", d.Delimiter)
	}
	if size > lim.MaxBytes {
		return nil, fileError("This file is larger than %s. Split it into smaller files.", mb(lim.MaxBytes))
	}
	var src source
	var err error
	switch d.Kind {
	case KindCSV:
		src, err = openCSV(r, size, d, lim)
	case KindXLSX:
		src, err = openXLSX(r, size, d, lim)
	default:
		err = fmt.Errorf("importfile: unknown file kind %q", d.Kind)
	}
	if err != nil {
		return nil, err
	}
	rd := &Reader{src: src, limits: lim, shortIsNormal: d.Kind == KindXLSX}
	if err := rd.readHeader(d); err != nil {
		src.close()
		return nil, err
	}
	return rd, nil
}

// Header returns the column names, one per column. A blank name becomes
// "Column C", so every column can be shown and mapped.
func (r *Reader) Header() []string { return r.header }

// Close releases the file and any temporary files Excel reading needed.
func (r *Reader) Close() error { return r.src.close() }

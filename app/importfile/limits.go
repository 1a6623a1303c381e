package importfile

import "fmt"

// Limits bound what one file may cost to read. A zero field takes its
// default.
type Limits struct {
	// MaxRows is the most data rows a file may have (default 1,000,000).
	MaxRows int
	// MaxBytes is the largest file accepted, in bytes (default 200 MB).
	MaxBytes int64
	// MaxCell is the longest cell, in bytes (default 64 KB); a longer one
	// fails its row.
	MaxCell int
	// MaxExpanded caps what an Excel file unpacks to (default 1 GB), so a
	// small zip bomb cannot fill the disk or memory.
	MaxExpanded int64
	// MaxColumns is the most columns a file's header may have (default
	// 1,000): each is shown and mapped on the mapping step.
	MaxColumns int
}

// Defaults of Limits.
const (
	DefaultMaxRows     = 1_000_000
	DefaultMaxBytes    = 200 << 20
	DefaultMaxCell     = 64 << 10
	DefaultMaxExpanded = 1 << 30
	DefaultMaxColumns  = 1000
)

// WithDefaults fills the zero fields of l, so the limits a file is read
// with can be told to the person uploading it.
func (l Limits) WithDefaults() Limits {
	if l.MaxRows <= 0 {
		l.MaxRows = DefaultMaxRows
	}
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxCell <= 0 {
		l.MaxCell = DefaultMaxCell
	}
	if l.MaxExpanded <= 0 {
		l.MaxExpanded = DefaultMaxExpanded
	}
	if l.MaxColumns <= 0 {
		l.MaxColumns = DefaultMaxColumns
	}
	return l
}

// MaxRow is the longest CSV row, in bytes, read before giving up on the
// file (1 MB with the default cell limit): room for a few over-long
// cells, so those fail their row only, while a quote that never closes
// cannot swallow the rest of a large file.
func (l Limits) MaxRow() int64 {
	return max(16*int64(l.MaxCell), 1<<20)
}

// FileError says why a whole file cannot be read. Its message is written
// for the person who uploaded the file. Row is the row where reading
// stopped, or zero when the problem is not at one row.
type FileError struct {
	Row     int
	Message string
}

func (e *FileError) Error() string {
	if e.Row > 0 {
		return fmt.Sprintf("Row %d: %s", e.Row, e.Message)
	}
	return e.Message
}

// Messages of file errors that tests and callers compare against.
const (
	msgNotCSVOrExcel = "This file is neither CSV nor Excel (.xlsx)."
	msgEmpty         = "The file is empty."
	msgOldExcel      = "This is an old Excel (.xls) file or a password-protected workbook. Save it as Excel Workbook (.xlsx) or CSV and upload that."
)

func fileError(format string, args ...any) *FileError {
	return &FileError{Message: fmt.Sprintf(format, args...)}
}

// Size words a byte count as Limits' messages do: "1 MB", "64 KB".
func Size(n int64) string { return mb(n) }

// mb formats a byte count as whole megabytes, or kilobytes when smaller,
// for a message.
func mb(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d MB", n>>20)
}

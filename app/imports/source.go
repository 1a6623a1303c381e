package imports

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/model"
)

// file is an import's file open for reading, with its mapping.
type file struct {
	f  *os.File
	rd *importfile.Reader
	m  importfile.Mapping
}

// openFile opens an import's stored file as its dialect and mapping say.
func (d Deps) openFile(im *model.Import) (*file, error) {
	var dl importfile.Dialect
	if err := json.Unmarshal([]byte(im.Dialect), &dl); err != nil {
		return nil, fmt.Errorf("imports: dialect of import %d: %w", im.ID, err)
	}
	f, err := os.Open(im.Path)
	if err != nil {
		return nil, fmt.Errorf("imports: open file of import %d: %w", im.ID, err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("imports: stat file of import %d: %w", im.ID, err)
	}
	rd, err := importfile.Open(f, fi.Size(), dl, d.Limits)
	if err != nil {
		f.Close()
		return nil, err
	}
	m, err := parseMapping(Kind(im.Kind), rd.Header(), im.Mapping)
	if err != nil {
		rd.Close()
		f.Close()
		return nil, err
	}
	return &file{f: f, rd: rd, m: m}, nil
}

func (f *file) Close() error { return errors.Join(f.rd.Close(), f.f.Close()) }

// count reads the whole file once, so its rows are known before any is
// applied and a file that breaks half-way is refused before it changes
// anything. each, when set, sees every row.
func (d Deps) count(im *model.Import, each func(*parsed)) (int, error) {
	f, err := d.openFile(im)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	for {
		row, err := f.rd.Next()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return 0, err
		}
		n++
		if each != nil {
			each(parse(f.m, row))
		}
	}
}

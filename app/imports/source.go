package imports

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// rowReader is where an import's rows come from: a file's reader, or a
// plugin's stream (pluginRows). Everything after it, mapping, batches,
// checkpoints, is the same for both.
type rowReader interface {
	Next() (importfile.Row, error)
	SkipTo(n int) error
	Header() []string
	Close() error
}

// file is an import's source open for reading, with its mapping; f is
// nil for a plugin's stream, whose company records co plans.
type file struct {
	f  *os.File
	rd rowReader
	m  importfile.Mapping
	co *companyPlanner
}

// openFile opens an import's source: its plugin's stream, or its stored
// file as its dialect and mapping say.
func (d Deps) openFile(im *model.Import) (*file, error) {
	if im.PluginInstanceID != 0 {
		return d.openPlugin(im)
	}
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

func (f *file) Close() error {
	if f.f == nil {
		return f.rd.Close()
	}
	return errors.Join(f.rd.Close(), f.f.Close())
}

// openPlugin opens a plugin import's stream with its mapping.
func (d Deps) openPlugin(im *model.Import) (*file, error) {
	m, err := parseMapping(KindContacts, pluginHeader, im.Mapping)
	if err != nil {
		return nil, err
	}
	rd, err := d.openStream(im)
	if err != nil {
		return nil, err
	}
	return &file{rd: rd, m: m, co: pluginCompanyPlanner(im)}, nil
}

// writeDue writes, within a batch whose rows end at last, the company
// records of a plugin's stream that come before that row and no batch
// committed: ahead of the contacts, so that each company is created once,
// with its domains, and its contacts find it.
func (f *file) writeDue(ctx context.Context, b *store.ImportTx, last int) error {
	if pr, ok := f.rd.(*pluginRows); ok {
		return f.writeCompanies(ctx, b, pr.due(last))
	}
	return nil
}

// saveCursor stores, within a batch's transaction, where a plugin's
// stream resumes once rows up to to are committed.
func (f *file) saveCursor(ctx context.Context, b *store.ImportTx, to int) error {
	pr, ok := f.rd.(*pluginRows)
	if !ok {
		return nil
	}
	if m, ok := pr.cursorAt(to); ok {
		return b.SetCursor(ctx, m.row, m.cursor)
	}
	return nil
}

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

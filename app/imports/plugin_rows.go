package imports

import (
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/plugins/sdk"
)

// Streamer streams the records of an installed source (a plugin
// instance) from a cursor, batch by batch: the plugin host. consume may
// block; the plugin then waits, which is the backpressure.
type Streamer interface {
	Stream(ctx context.Context, instanceID int64, cursor string, consume func(sdk.Batch) error) error
}

// pluginHeader is the columns a plugin's contact records fill, as a file
// of the same records would name them; the mapping step sees these.
var pluginHeader = []string{"External ID", "Name", "Email", "Email 2", "Email 3", "Phone", "Mobile",
	"Job title", "Language", "Time zone", "Company", "Tags", "About"}

type chunk struct {
	rows      []importfile.Row
	mark      mark
	companies []placed
	err       error
}

// pluginRows reads a plugin's stream as rows, numbered from 1 in stream
// order. It holds at most one batch of the plugin besides the one being
// read, so a fast plugin waits rather than filling memory.
type pluginRows struct {
	ch     chan chunk
	cancel context.CancelFunc
	done   chan struct{}
	buf    []importfile.Row
	err    error
	mu     sync.Mutex
	marks  []mark
	// pending are the company records not yet committed, in stream
	// order, writing how many of them the batch in flight writes, and
	// ready how many of marks were known when it took them.
	pending []placed
	writing int
	ready   int
	// companies names the companies of the stream by external id, for
	// the contacts that point at them.
	companies map[string]string
	maxCell   int
	// start begins the stream at the first read, so opening an import
	// only to read its header asks nothing of the plugin.
	start    func()
	started  bool
	ctx      context.Context
	streamer Streamer
	im       *model.Import
}

// openStream starts streaming an import's source after its stored
// cursor.
func (d Deps) openStream(im *model.Import) (*pluginRows, error) {
	if d.Plugins == nil {
		return nil, &SourceError{Msg: "Plugins are off on this server, so this import cannot run."}
	}
	companies, err := d.Store.SourceCompanies(context.Background(), im.ID)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &pluginRows{ch: make(chan chunk, 1), cancel: cancel, done: make(chan struct{}),
		companies: companies, maxCell: or(d.Limits.MaxCell, importfile.DefaultMaxCell)}
	r.marks = []mark{{row: im.SourceRow, cursor: im.SourceCursor}}
	r.ctx, r.streamer, r.im, r.start = ctx, d.Plugins, im, func() {}
	return r, nil
}

func (r *pluginRows) fill(ctx context.Context, s Streamer, im *model.Import) {
	defer close(r.done)
	n := im.SourceRow
	err := s.Stream(ctx, im.PluginInstanceID, im.SourceCursor, func(b sdk.Batch) error {
		c := chunk{}
		for _, rec := range b.Records {
			if rec.Company != nil {
				c.companies = append(c.companies, placed{before: n + 1, co: rec.Company})
			}
			if row, ok := r.row(rec, n+1); ok {
				n++
				c.rows = append(c.rows, row)
			}
		}
		c.mark = mark{row: n, cursor: b.Cursor}
		for i := range c.companies {
			c.companies[i].upto = n
		}
		select {
		case r.ch <- c:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	if err == nil {
		err = io.EOF
	}
	select {
	case r.ch <- chunk{err: err}:
	case <-ctx.Done():
	}
}

// row turns a contact record into a row; a company record only names its
// company for the contacts that follow. A record of neither kind fails as
// a row of its own, so the failed rows account for every record.
func (r *pluginRows) row(rec sdk.Record, number int) (importfile.Row, bool) {
	if co := rec.Company; co != nil {
		if len(r.companies) < 200_000 {
			r.companies[co.ExternalID] = co.Name
		}
		return importfile.Row{}, false
	}
	c := rec.Contact
	if c == nil {
		return importfile.Row{Number: number, Cells: make([]string, len(pluginHeader)),
			Problem: "The record is neither a contact nor a company."}, true
	}
	emails := append(c.Emails, "", "", "")
	company := c.CompanyName
	if company == "" {
		company = r.companies[c.CompanyExternalID]
	}
	cells := []string{c.ExternalID, c.Name, emails[0], emails[1], emails[2], c.Phone, c.Mobile, c.JobTitle,
		c.Language, c.TimeZone, company, strings.Join(c.Tags, ", "), c.About}
	row := importfile.Row{Number: number, Cells: cells}
	if len(c.Emails) > 3 {
		row.Problem = "The record has " + strconv.Itoa(len(c.Emails)) + " email addresses; an import takes at most 3."
	}
	for i, cell := range cells {
		if len(cell) > r.maxCell {
			row.Problem = pluginHeader[i] + " holds " + strconv.Itoa(len(cell)>>10) + " KB; a field may hold at most " +
				strconv.Itoa(r.maxCell>>10) + " KB."
		}
	}
	return row, true
}

// Next returns the next row, or io.EOF once the stream ended.
func (r *pluginRows) Next() (importfile.Row, error) {
	if r.start != nil {
		r.start, r.started = nil, true
		go r.fill(r.ctx, r.streamer, r.im)
	}
	for len(r.buf) == 0 {
		if r.err != nil {
			return importfile.Row{}, r.err
		}
		c := <-r.ch
		if c.err != nil {
			r.err = streamError(c.err)
			continue
		}
		r.buf = c.rows
		r.mu.Lock()
		r.marks = append(r.marks, c.mark)
		r.pending = append(r.pending, c.companies...)
		r.mu.Unlock()
	}
	row := r.buf[0]
	r.buf = r.buf[1:]
	return row, nil
}

// SkipTo passes over the rows up to n: those a crashed run committed
// after the stored cursor.
func (r *pluginRows) SkipTo(n int) error {
	for {
		if len(r.buf) > 0 && r.buf[0].Number > n {
			return nil
		}
		row, err := r.Next()
		if err != nil {
			return err
		}
		if row.Number > n {
			r.buf = append([]importfile.Row{row}, r.buf...)
			return nil
		}
	}
}

func (r *pluginRows) Header() []string { return pluginHeader }

// Close stops the stream and waits for it.
func (r *pluginRows) Close() error {
	r.cancel()
	if r.started {
		<-r.done
	}
	return nil
}

// SourceError is a plugin source that cannot serve the import: it is
// disabled, unapproved or gone. The import fails with Msg.
type SourceError struct{ Msg string }

func (e *SourceError) Error() string { return e.Msg }

// streamError keeps io.EOF, and makes a source refused for good a
// SourceError; other errors (a crash) let the job retry from the cursor.
func streamError(err error) error {
	var p interface{ Permanent() bool }
	if errors.As(err, &p) && p.Permanent() {
		return &SourceError{Msg: err.Error()}
	}
	return err
}

// checkPluginMapping maps a plugin's fields as a file with the same
// columns would be mapped; plugins import contacts.
func checkPluginMapping(im *model.Import, p Params) error {
	if p.Kind != KindContacts {
		return model.Invalid("kind", "Installed sources import contacts, with their companies.")
	}
	m := suggestMapping(KindContacts, pluginHeader)
	if p.Map != nil {
		var err error
		if m, err = parseMapping(KindContacts, pluginHeader, p.Map); err != nil {
			return err
		}
	}
	if err := m.Validate(); err != nil {
		return err
	}
	im.Mapping = m.Specs()
	return checkMatch(m, p.Match)
}

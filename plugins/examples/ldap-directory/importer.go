package main

import (
	"context"
	"fmt"

	"github.com/go-ldap/ldap/v3"

	"github.com/portico-hub/portico/plugins/sdk"
)

// Import sends the people in batches. A paged-results cookie belongs to
// one connection, so it cannot be a cursor that survives a restart;
// the cursor is instead the last person sent (see cursor.go).
func (d *directory) Import(ctx context.Context, req sdk.ImportRequest, w *sdk.BatchWriter) error {
	pos, err := parseCursor(req.Cursor)
	if err != nil {
		return err
	}
	size := req.BatchSize
	if size <= 0 || size > 1000 {
		size = 500
	}
	conn, err := d.connect()
	if err != nil {
		return err
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	b := &batcher{w: w, size: size, pos: pos, skipping: pos.After != "", companies: map[string]bool{}}
	err = d.scan(ctx, conn, size, func(e *ldap.Entry) error {
		id := d.entryID(e)
		if b.skipping {
			b.skipping = id != pos.After
			return nil
		}
		return b.add(id, d.records(e, id, b.companies))
	})
	if err != nil {
		return err
	}
	if b.skipping {
		return sdk.InvalidCursor(fmt.Sprintf("the person the last import stopped after (%s) is no longer "+
			"among the results of %s; start the import from the beginning", pos.After, d.cfg.UserFilter))
	}
	return b.flush()
}

// batcher gathers records into batches that end on a whole person, so
// each batch's cursor names the last person in it.
type batcher struct {
	w         *sdk.BatchWriter
	size      int
	pos       position
	skipping  bool
	records   []sdk.Record
	companies map[string]bool
}

func (b *batcher) add(id string, rs []sdk.Record) error {
	b.pos = position{After: id, Done: b.pos.Done + 1}
	b.records = append(b.records, rs...)
	if len(b.records) >= b.size {
		return b.flush()
	}
	return nil
}

// flush sends the gathered records; each batch names its companies again,
// so a batch never refers to a company only an earlier batch carried.
func (b *batcher) flush() error {
	if len(b.records) == 0 {
		return nil
	}
	batch := sdk.Batch{Records: b.records, Cursor: b.pos.String(), Progress: sdk.Progress{Done: b.pos.Done}}
	b.records, b.companies = nil, map[string]bool{}
	return b.w.Send(batch)
}

package imports

import (
	"errors"
	"io"
)

// ahead is how many batches of parsed rows the reader keeps ready: one
// overlaps reading with writing, and more would only hold memory.
const ahead = 1

// parsedChunk is a run of rows read and parsed ahead, or the error that
// stopped the reading.
type parsedChunk struct {
	rows []*parsed
	err  error
}

// prefetch reads and parses a file's rows on its own goroutine, in file
// order, while the batch before them is written: parsing and validating
// rows costs as much as a good share of the writing, and the machine has
// another core for it. Rows come out exactly as file.read would give them.
type prefetch struct {
	ch   chan parsedChunk
	stop chan struct{}
	done chan struct{}
	buf  []*parsed
	err  error
}

// prefetch starts reading f after where its reader stands, n rows a chunk.
// The caller must call close before closing f.
func (f *file) prefetch(n int) *prefetch {
	p := &prefetch{ch: make(chan parsedChunk, ahead), stop: make(chan struct{}), done: make(chan struct{})}
	go p.fill(f, n)
	return p
}

func (p *prefetch) fill(f *file, n int) {
	defer close(p.done)
	defer close(p.ch)
	for {
		rows := make([]*parsed, 0, n)
		var err error
		for len(rows) < n {
			row, rerr := f.rd.Next()
			if rerr != nil {
				err = rerr
				break
			}
			rows = append(rows, parse(f.m, row))
		}
		if errors.Is(err, io.EOF) {
			err = nil
		}
		if len(rows) > 0 || err != nil {
			select {
			case p.ch <- parsedChunk{rows: rows, err: err}:
			case <-p.stop:
				return
			}
		}
		if err != nil || len(rows) < n {
			return
		}
	}
}

// read returns carry followed by the next rows, n in all, or fewer at the
// end of the file.
func (p *prefetch) read(carry []*parsed, n int) ([]*parsed, error) {
	rows := carry
	for len(rows) < n {
		if len(p.buf) == 0 {
			if p.err != nil {
				return nil, p.err
			}
			c, ok := <-p.ch
			if !ok {
				break
			}
			p.buf, p.err = c.rows, c.err
			continue
		}
		take := min(n-len(rows), len(p.buf))
		rows = append(rows, p.buf[:take]...)
		p.buf = p.buf[take:]
	}
	return rows, nil
}

// close stops the reading and waits for it, so the file can be closed.
func (p *prefetch) close() {
	close(p.stop)
	<-p.done
}

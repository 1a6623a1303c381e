package store

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/portico-hub/portico/app/events"
)

// batchCacheSize is how many decoded batches the store keeps: the
// senders of every endpoint read the same few batches at a time.
const batchCacheSize = 16

// batchCache keeps recently decoded batches, so that claiming a window
// of a batch's deliveries does not decompress the batch each time.
type batchCache struct {
	mu    sync.Mutex
	m     map[int64][]events.Event
	order []int64
}

func (c *batchCache) get(pos int64) ([]events.Event, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	evs, ok := c.m[pos]
	return evs, ok
}

func (c *batchCache) put(pos int64, evs []events.Event) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[int64][]events.Event{}
	}
	if _, ok := c.m[pos]; !ok {
		c.order = append(c.order, pos)
	}
	c.m[pos] = evs
	for len(c.order) > batchCacheSize {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
}

// drop forgets a batch whose blob changed.
func (c *batchCache) drop(pos int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, pos)
}

// batchEntries returns the entries of the bulk batch at pos, each with
// the batch's time. The slice is shared: callers must not change it.
func (s *Store) batchEntries(ctx context.Context, q rowQuerier, pos int64) ([]events.Event, error) {
	if evs, ok := s.decoded.get(pos); ok {
		return evs, nil
	}
	var id string
	var blob []byte
	var at time.Time
	if err := q.QueryRowContext(ctx, `SELECT id, batch, created_at FROM events WHERE position = $1 AND lane = 'bulk'`, pos).
		Scan(&id, &blob, &at); err != nil {
		return nil, fmt.Errorf("batch %d: %w", pos, err)
	}
	evs, err := events.DecodeBatch(id, blob)
	if err != nil {
		return nil, err
	}
	for i := range evs {
		evs[i].Position, evs[i].CreatedAt = pos, at
	}
	s.decoded.put(pos, evs)
	return evs, nil
}

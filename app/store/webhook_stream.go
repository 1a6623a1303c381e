package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// bulkWindow is how many bulk deliveries of one endpoint wait or are in
// flight at a time; the rest stay in their batches until these go.
const bulkWindow = 256

// materialize turns the next entries of an endpoint's bulk streams into
// deliveries, oldest batch first, until bulkWindow of its bulk
// deliveries are waiting or in flight. Deliveries retried after a
// failure count too, so an endpoint that is down holds a window, never a
// million rows.
func (s *Store) materialize(ctx context.Context, tx *sql.Tx, endpointID int64) error {
	var waiting int
	var types string
	err := tx.QueryRowContext(ctx, `SELECT e.event_types, (SELECT count(*) FROM webhook_deliveries d WHERE d.endpoint_id = e.id
		AND d.state IN ('pending', 'sending') AND d.lane = 'bulk') FROM webhook_endpoints e WHERE e.id = $1`, endpointID).
		Scan(&types, &waiting)
	if err != nil {
		return fmt.Errorf("endpoint %d: %w", endpointID, err)
	}
	ep := &model.WebhookEndpoint{ID: endpointID, EventTypes: strings.Fields(types)}
	f := &fanOut{s: s, tx: tx, now: s.Now()}
	for want := bulkWindow - waiting; want > 0; {
		n, err := f.stream(ctx, ep, want)
		if err != nil {
			return err
		}
		if n < 0 {
			break
		}
		want -= n
	}
	return f.flush(ctx)
}

// stream adds up to want entries of the endpoint's oldest stream, and
// moves the stream on or ends it. It returns how many it added, or -1
// when the endpoint has no stream.
func (f *fanOut) stream(ctx context.Context, ep *model.WebhookEndpoint, want int) (int, error) {
	var pos int64
	var next int
	err := f.tx.QueryRowContext(ctx, `SELECT event_position, next_entry FROM webhook_streams WHERE endpoint_id = $1
		ORDER BY event_position LIMIT 1`, ep.ID).Scan(&pos, &next)
	if errors.Is(err, sql.ErrNoRows) {
		return -1, nil
	}
	if err != nil {
		return 0, err
	}
	entries, err := f.s.batchEntries(ctx, f.tx, pos)
	if err != nil {
		return 0, err
	}
	added := 0
	for ; next < len(entries) && added < want; next++ {
		if e := entries[next]; ep.Wants(e.Type) {
			f.rows = append(f.rows, bulkDelivery(ep.ID, pos, e))
			added++
		}
	}
	if next >= len(entries) {
		_, err = f.tx.ExecContext(ctx, `DELETE FROM webhook_streams WHERE endpoint_id = $1 AND event_position = $2`, ep.ID, pos)
	} else {
		_, err = f.tx.ExecContext(ctx, `UPDATE webhook_streams SET next_entry = $1 WHERE endpoint_id = $2 AND event_position = $3`,
			next, ep.ID, pos)
	}
	return added, err
}

func bulkDelivery(endpoint, pos int64, e events.Event) newDelivery {
	return newDelivery{endpoint: endpoint, pos: pos, entry: e.Entry, id: e.ID, typ: e.Type, lane: events.LaneBulk, resource: e.Resource}
}

// pullForward keeps a resource's order across the lanes: before an
// interactive event goes to an endpoint, the entries about the same
// resource that are still waiting in the endpoint's earlier streams
// become deliveries, so the claim sends them first. The batches' subject
// ranges rule most streams out without opening them.
func (f *fanOut) pullForward(ctx context.Context, ep model.WebhookEndpoint, ev fanRow) error {
	kind, idText, ok := strings.Cut(ev.resource, ":")
	id, err := strconv.ParseInt(idText, 10, 64)
	if !ok || err != nil || (kind != "contact" && kind != "company") {
		return nil
	}
	positions, err := int64s(ctx, f.tx, fmt.Sprintf(`SELECT s.event_position FROM webhook_streams s
		JOIN events e ON e.position = s.event_position WHERE s.endpoint_id = $1 AND s.event_position < $2
		AND e.first_%[1]s <= $3 AND e.last_%[1]s >= $3 ORDER BY s.event_position`, kind), ep.ID, ev.pos, id)
	if err != nil {
		return err
	}
	for _, pos := range positions {
		entries, err := f.s.batchEntries(ctx, f.tx, pos)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if e.Resource == ev.resource && ep.Wants(e.Type) {
				f.rows = append(f.rows, bulkDelivery(ep.ID, pos, e))
			}
		}
	}
	return nil
}

package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// Timer returns an agent's running timer, or ErrNotFound.
func (s *Store) Timer(ctx context.Context, agentID int64) (*model.Timer, error) {
	var t model.Timer
	err := s.r.QueryRowContext(ctx, `SELECT tm.agent_id, tm.ticket_id, coalesce(t.subject, ''), tm.started_at
		FROM time_timers tm LEFT JOIN tickets t ON t.id = tm.ticket_id WHERE tm.agent_id = $1`, agentID).
		Scan(&t.AgentID, &t.TicketID, &t.TicketSubject, &t.StartedAt)
	if err != nil {
		return nil, notFound(err, "timer of agent", agentID)
	}
	return &t, nil
}

// TimerSwitch is one change of an agent's timer, made at once: the
// running timer (Stop, as it was read) ends, its time is saved (Save),
// and a new one starts (Start). Any part may be nil.
type TimerSwitch struct {
	Stop  *model.Timer
	Save  *model.NewTimeEntry
	Start *model.Timer
}

// SwitchTimer applies a TimerSwitch in one transaction. A timer that is
// no longer the one read (stopped in another tab, say) is ErrConflict,
// so its time is never saved twice.
func (s *Store) SwitchTimer(ctx context.Context, sw TimerSwitch) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if sw.Stop != nil {
			if err := deleteTimer(ctx, tx, sw.Stop); err != nil {
				return err
			}
		}
		if sw.Save != nil {
			if _, err := s.insertTimeEntry(ctx, tx, *sw.Save); err != nil {
				return err
			}
		}
		if sw.Start == nil {
			return nil
		}
		return startTimer(ctx, tx, sw.Start)
	})
}

func startTimer(ctx context.Context, tx *sql.Tx, t *model.Timer) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO time_timers (agent_id, ticket_id, started_at)
		SELECT $1, id, $2 FROM tickets WHERE id = $3`, t.AgentID, t.StartedAt, t.TicketID)
	if isUnique(err, "") {
		return fmt.Errorf("store: timer of agent %d already runs: %w", t.AgentID, model.ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("store: start timer: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: ticket %d: %w", t.TicketID, model.ErrNotFound)
	}
	return nil
}

func deleteTimer(ctx context.Context, tx *sql.Tx, t *model.Timer) error {
	res, err := tx.ExecContext(ctx, `DELETE FROM time_timers WHERE agent_id = $1 AND ticket_id = $2 AND started_at = $3`,
		t.AgentID, t.TicketID, t.StartedAt)
	if err != nil {
		return fmt.Errorf("store: stop timer of agent %d: %w", t.AgentID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: timer of agent %d already stopped: %w", t.AgentID, model.ErrConflict)
	}
	return nil
}

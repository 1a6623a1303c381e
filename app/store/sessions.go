package store

import (
	"context"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// CreateSession stores a new session.
func (s *Store) CreateSession(ctx context.Context, sess model.Session) error {
	_, err := s.w.ExecContext(ctx, `INSERT INTO sessions (id_hash, agent_id, created_at, last_seen_at, expires_at, ip, user_agent)
		VALUES ($1, $2, $3, $3, $4, $5, $6)`, sess.IDHash, sess.AgentID, sess.CreatedAt, sess.ExpiresAt, sess.IP, sess.UserAgent)
	if err != nil {
		return fmt.Errorf("store: create session: %w", err)
	}
	return nil
}

// SessionAgent returns the unexpired session with this hash and its
// agent, who must be active.
func (s *Store) SessionAgent(ctx context.Context, idHash string) (*model.Session, *model.Agent, error) {
	var sess model.Session
	row := s.r.QueryRowContext(ctx, `SELECT s.id_hash, s.agent_id, s.created_at, s.last_seen_at, s.expires_at,
		`+prefixed("a.", agentColumns)+`
		FROM sessions s JOIN agents a ON a.id = s.agent_id
		WHERE s.id_hash = $1 AND s.expires_at > $2 AND a.active`, idHash, s.Now())
	var a model.Agent
	var expires *time.Time
	err := row.Scan(&sess.IDHash, &sess.AgentID, &sess.CreatedAt, &sess.LastSeenAt, &sess.ExpiresAt,
		&a.ID, &a.Name, &a.Email, &a.PasswordHash, &a.Role, &a.Active, &a.Invited, &expires, &a.CreatedAt, &a.UpdatedAt)
	if err != nil {
		return nil, nil, notFound(err, "session", "")
	}
	return &sess, &a, nil
}

// TouchSession slides a session's expiry forward.
func (s *Store) TouchSession(ctx context.Context, idHash string, expires time.Time) error {
	_, err := s.w.ExecContext(ctx, `UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id_hash = $3`, s.Now(), expires, idHash)
	if err != nil {
		return fmt.Errorf("store: touch session: %w", err)
	}
	return nil
}

// DeleteSession ends one session.
func (s *Store) DeleteSession(ctx context.Context, idHash string) error {
	_, err := s.w.ExecContext(ctx, `DELETE FROM sessions WHERE id_hash = $1`, idHash)
	if err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	return nil
}

// DeleteExpiredSessions removes sessions past their expiry.
func (s *Store) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	res, err := s.w.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, s.Now())
	if err != nil {
		return 0, fmt.Errorf("store: delete expired sessions: %w", err)
	}
	return res.RowsAffected()
}

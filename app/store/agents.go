package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
)

const agentColumns = `id, name, email, password_hash, role, active, invite_hash IS NOT NULL, invite_expires_at, created_at, updated_at`

func scanAgent(row interface{ Scan(...any) error }) (*model.Agent, error) {
	var a model.Agent
	var expires sql.NullTime
	err := row.Scan(&a.ID, &a.Name, &a.Email, &a.PasswordHash, &a.Role, &a.Active, &a.Invited, &expires, &a.CreatedAt, &a.UpdatedAt)
	if expires.Valid {
		a.InviteExpiresAt = &expires.Time
	}
	return &a, err
}

// CountAgents counts every agent, active or not; zero means first run.
func (s *Store) CountAgents(ctx context.Context) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM agents`).Scan(&n)
	return n, err
}

// CreateFirstAdmin creates the first admin, but only while there is no
// agent at all, so the one-time setup page cannot be replayed.
func (s *Store) CreateFirstAdmin(ctx context.Context, name, email, hash string) (*model.Agent, error) {
	var a *model.Agent
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM agents`).Scan(&n); err != nil {
			return fmt.Errorf("store: count agents: %w", err)
		}
		if n > 0 {
			return fmt.Errorf("store: first admin: %w", model.ErrConflict)
		}
		var err error
		a, err = s.insertAgent(ctx, tx, name, email, model.RoleAdmin, hash, "", nil)
		return err
	})
	return a, err
}

// CreateAgent creates an agent. An invited agent has an invite hash and no
// password until they accept.
func (s *Store) CreateAgent(ctx context.Context, name, email string, role model.Role, hash, inviteHash string, inviteExpires *time.Time) (*model.Agent, error) {
	var a *model.Agent
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		a, err = s.insertAgent(ctx, tx, name, email, role, hash, inviteHash, inviteExpires)
		return err
	})
	return a, err
}

func (s *Store) insertAgent(ctx context.Context, tx *sql.Tx, name, email string, role model.Role, hash, inviteHash string, inviteExpires *time.Time) (*model.Agent, error) {
	norm := NormEmail(email)
	if err := emailFree(ctx, tx, norm, 0); err != nil {
		return nil, err
	}
	now := s.Now()
	var invite any
	if inviteHash != "" {
		invite = inviteHash
	}
	row := tx.QueryRowContext(ctx, `INSERT INTO agents (name, email, email_norm, password_hash, role, invite_hash, invite_expires_at, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING `+agentColumns,
		name, email, norm, hash, role, invite, inviteExpires, now)
	a, err := scanAgent(row)
	if err != nil {
		return nil, fmt.Errorf("store: insert agent: %w", err)
	}
	return a, nil
}

// AgentByID returns an agent.
func (s *Store) AgentByID(ctx context.Context, id int64) (*model.Agent, error) {
	a, err := scanAgent(s.r.QueryRowContext(ctx, `SELECT `+agentColumns+` FROM agents WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "agent", id)
	}
	return a, nil
}

// AgentByEmail returns the agent holding an address (any case).
func (s *Store) AgentByEmail(ctx context.Context, email string) (*model.Agent, error) {
	a, err := scanAgent(s.r.QueryRowContext(ctx, `SELECT `+agentColumns+` FROM agents WHERE email_norm = $1`, NormEmail(email)))
	if err != nil {
		return nil, notFound(err, "agent", email)
	}
	return a, nil
}

// AgentByInvite returns the agent whose unexpired invite has this hash.
func (s *Store) AgentByInvite(ctx context.Context, inviteHash string) (*model.Agent, error) {
	a, err := scanAgent(s.r.QueryRowContext(ctx, `SELECT `+agentColumns+` FROM agents
		WHERE invite_hash = $1 AND invite_expires_at > $2 AND active`, inviteHash, s.Now()))
	if err != nil {
		return nil, notFound(err, "invite", "")
	}
	return a, nil
}

// ListAgents returns every agent, admins first.
func (s *Store) ListAgents(ctx context.Context) ([]model.Agent, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+agentColumns+` FROM agents ORDER BY role, lower(name), id`)
	if err != nil {
		return nil, fmt.Errorf("store: list agents: %w", err)
	}
	defer rows.Close()
	var out []model.Agent
	for rows.Next() {
		a, err := scanAgent(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan agent: %w", err)
		}
		out = append(out, *a)
	}
	return out, rows.Err()
}

// SetAgentPassword sets a password, consumes any invite, and ends the
// agent's sessions, so a reset locks out whoever knew the old password.
func (s *Store) SetAgentPassword(ctx context.Context, id int64, hash string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE agent_id = $1`, id); err != nil {
			return fmt.Errorf("store: end sessions of agent %d: %w", id, err)
		}
		return execAffected(ctx, tx, "agent", id, `UPDATE agents SET password_hash = $1, invite_hash = NULL, invite_expires_at = NULL,
			updated_at = $2 WHERE id = $3`, hash, s.Now(), id)
	})
}

// SetAgentRole changes an agent's role, with an audit entry when it
// changes. The last active admin cannot be demoted, so an installation
// always has someone who can manage agents.
func (s *Store) SetAgentRole(ctx context.Context, actor model.Actor, id int64, role model.Role) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if role != model.RoleAdmin {
			if err := keepOneAdmin(ctx, tx, id); err != nil {
				return err
			}
		}
		return s.changeAgent(ctx, tx, actor, id, "role", string(role))
	})
}

// SetAgentActive activates or deactivates an agent, with an audit entry
// when it changes. Deactivation ends the agent's sessions in the same
// transaction.
func (s *Store) SetAgentActive(ctx context.Context, actor model.Actor, id int64, active bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if !active {
			if err := keepOneAdmin(ctx, tx, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE agent_id = $1`, id); err != nil {
				return fmt.Errorf("store: end sessions of agent %d: %w", id, err)
			}
		}
		return s.changeAgent(ctx, tx, actor, id, "active", fmt.Sprint(active))
	})
}

// keepOneAdmin refuses a change that would leave no active admin other
// than agent id.
func keepOneAdmin(ctx context.Context, tx *sql.Tx, id int64) error {
	var others int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM agents WHERE role = 'admin' AND active AND id <> $1`, id).Scan(&others)
	if err != nil {
		return fmt.Errorf("store: count admins: %w", err)
	}
	var isAdmin bool
	err = tx.QueryRowContext(ctx, `SELECT role = 'admin' AND active FROM agents WHERE id = $1`, id).Scan(&isAdmin)
	if err != nil {
		return notFound(err, "agent", id)
	}
	if isAdmin && others == 0 {
		return model.Invalid("role", "Portico needs at least one active admin.")
	}
	return nil
}

// execAffected runs an UPDATE or DELETE and reports ErrNotFound when it
// touched no row.
func execAffected(ctx context.Context, tx *sql.Tx, what string, id any, q string, args ...any) error {
	res, err := tx.ExecContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("store: update %s %v: %w", what, id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: %s %v: %w", what, id, model.ErrNotFound)
	}
	return nil
}

// SetAgentInvite gives an existing agent a fresh one-time link to choose a
// password, replacing any earlier one. The current password keeps working
// until the link is used.
func (s *Store) SetAgentInvite(ctx context.Context, id int64, inviteHash string, expires time.Time) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		return execAffected(ctx, tx, "agent", id, `UPDATE agents SET invite_hash = $1, invite_expires_at = $2, updated_at = $3 WHERE id = $4`,
			inviteHash, expires, s.Now(), id)
	})
}

package model

import "time"

// Role is what an agent may do. Admins manage agents and may hard-delete.
type Role string

const (
	RoleAdmin Role = "admin"
	RoleAgent Role = "agent"
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == RoleAdmin || r == RoleAgent }

// Agent is a support-team member who signs in to the agents' UI.
type Agent struct {
	ID           int64
	Name         string
	Email        string
	Role         Role
	Active       bool
	PasswordHash string
	// Invited is true while the agent has not yet chosen a password.
	Invited         bool
	InviteExpiresAt *time.Time
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

// IsAdmin reports whether the agent holds the admin role.
func (a *Agent) IsAdmin() bool { return a != nil && a.Role == RoleAdmin }

// Session is a signed-in agent's server-side session. Only a hash of its
// id is stored; the id itself lives in the browser's cookie.
type Session struct {
	IDHash     string
	AgentID    int64
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	IP         string
	UserAgent  string
}

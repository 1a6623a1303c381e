package agent

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/portico-hub/portico/app/address"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/token"
)

// InviteTTL is how long an agent invitation link works.
const InviteTTL = 7 * 24 * time.Hour

// Service applies the rules for agent accounts and sessions.
type Service struct {
	Store      *store.Store
	SessionTTL time.Duration
}

// Input is what a setup, invite or profile form submits.
type Input struct {
	Name, Email, Password string
	Role                  model.Role
}

func (in *Input) validate(needPassword bool) error {
	v := &model.ValidationError{}
	in.Name, in.Email = strings.TrimSpace(in.Name), strings.TrimSpace(in.Email)
	if in.Name == "" {
		v.Add("name", "Enter a name.")
	} else if utf8.RuneCountInString(in.Name) > 200 {
		v.Add("name", "Use at most 200 characters.")
	}
	if msg := address.Problem(in.Email); msg != "" {
		v.Add("email", msg)
	}
	if needPassword {
		var pv *model.ValidationError
		if errors.As(ValidatePassword(in.Password, in.Email), &pv) {
			v.Add("password", pv.Fields["password"])
		}
	}
	if in.Role != "" && !in.Role.Valid() {
		v.Add("role", "Choose admin or agent.")
	}
	return v.Err()
}

// CreateFirstAdmin creates the first admin; it fails with ErrConflict once
// any agent exists, so the setup page works exactly once.
func (s *Service) CreateFirstAdmin(ctx context.Context, in Input) (*model.Agent, error) {
	if err := in.validate(true); err != nil {
		return nil, err
	}
	hash, err := HashPassword(in.Password)
	if err != nil {
		return nil, fmt.Errorf("agent: hash password: %w", err)
	}
	return s.Store.CreateFirstAdmin(ctx, in.Name, in.Email, hash)
}

// Invite creates an agent who has no password yet and returns the secret
// invitation token; only its hash is stored.
func (s *Service) Invite(ctx context.Context, in Input) (*model.Agent, string, error) {
	if in.Role == "" {
		in.Role = model.RoleAgent
	}
	if err := in.validate(false); err != nil {
		return nil, "", err
	}
	tok := token.New()
	expires := s.Store.Now().Add(InviteTTL)
	a, err := s.Store.CreateAgent(ctx, in.Name, in.Email, in.Role, "", token.Hash(tok), &expires)
	return a, tok, err
}

// AcceptInvite sets the invited agent's password and consumes the invite.
func (s *Service) AcceptInvite(ctx context.Context, tok, password string) (*model.Agent, error) {
	a, err := s.Store.AgentByInvite(ctx, token.Hash(tok))
	if err != nil {
		return nil, err
	}
	if err := ValidatePassword(password, a.Email); err != nil {
		return nil, err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return nil, fmt.Errorf("agent: hash password: %w", err)
	}
	return a, s.Store.SetAgentPassword(ctx, a.ID, hash)
}

// Authenticate checks an email and password. Every failure, unknown
// address, wrong password or deactivated account, is the same
// ErrUnauthorized and takes the same time, so nothing tells them apart.
func (s *Service) Authenticate(ctx context.Context, email, password string) (*model.Agent, error) {
	a, err := s.Store.AgentByEmail(ctx, email)
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		return nil, err
	}
	hash := ""
	if a != nil {
		hash = a.PasswordHash
	}
	if !checkPassword(password, hash) || !a.Active {
		return nil, model.ErrUnauthorized
	}
	return a, nil
}

// Invitee returns the agent an unexpired invitation token belongs to.
func (s *Service) Invitee(ctx context.Context, tok string) (*model.Agent, error) {
	return s.Store.AgentByInvite(ctx, token.Hash(tok))
}

// CreateAdmin creates an admin with a password, for the command line.
func (s *Service) CreateAdmin(ctx context.Context, in Input) (*model.Agent, error) {
	if err := in.validate(true); err != nil {
		return nil, err
	}
	hash, err := HashPassword(in.Password)
	if err != nil {
		return nil, fmt.Errorf("agent: hash password: %w", err)
	}
	return s.Store.CreateAgent(ctx, in.Name, in.Email, model.RoleAdmin, hash, "", nil)
}

// ResetLink gives an agent a new one-time link to choose a password, for
// when they forgot theirs; it returns the secret token.
func (s *Service) ResetLink(ctx context.Context, id int64) (string, error) {
	tok := token.New()
	return tok, s.Store.SetAgentInvite(ctx, id, token.Hash(tok), s.Store.Now().Add(InviteTTL))
}

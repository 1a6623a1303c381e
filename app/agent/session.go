package agent

import (
	"context"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/token"
)

// StartSession opens a new session for a, always with a fresh id, so an
// id planted before sign-in is never promoted (session fixation).
func (s *Service) StartSession(ctx context.Context, a *model.Agent, ip, userAgent string) (string, error) {
	tok := token.New()
	now := s.Store.Now()
	err := s.Store.CreateSession(ctx, model.Session{
		IDHash: token.Hash(tok), AgentID: a.ID, CreatedAt: now,
		ExpiresAt: now.Add(s.SessionTTL), IP: ip, UserAgent: trim(userAgent, 300),
	})
	return tok, err
}

// Resume returns the session and agent for a cookie's token. It slides
// the expiry forward at most once a minute, to spare the writer.
func (s *Service) Resume(ctx context.Context, tok string) (*model.Session, *model.Agent, error) {
	sess, a, err := s.Store.SessionAgent(ctx, token.Hash(tok))
	if err != nil {
		return nil, nil, err
	}
	now := s.Store.Now()
	if now.Sub(sess.LastSeenAt) > time.Minute {
		if err := s.Store.TouchSession(ctx, sess.IDHash, now.Add(s.SessionTTL)); err != nil {
			return nil, nil, err
		}
	}
	return sess, a, nil
}

// EndSession signs a session out.
func (s *Service) EndSession(ctx context.Context, tok string) error {
	return s.Store.DeleteSession(ctx, token.Hash(tok))
}

func trim(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

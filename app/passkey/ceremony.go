package passkey

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/go-webauthn/webauthn/webauthn"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/token"
)

// Begun is what a Begin function hands the browser: the options for
// navigator.credentials (in the JSON form @simplewebauthn/browser takes)
// and the id of the ceremony, which the finish request must carry back.
type Begun struct {
	CeremonyID string
	Options    json.RawMessage
}

// begin stores the library's session data for a ceremony under a fresh
// random id, of which only the hash is kept.
func (s *Service) begin(ctx context.Context, kind string, contactID int64, sess *webauthn.SessionData, options any) (*Begun, error) {
	js, err := json.Marshal(sess)
	if err != nil {
		return nil, fmt.Errorf("passkey: encode %s ceremony: %w", kind, err)
	}
	opts, err := json.Marshal(options)
	if err != nil {
		return nil, fmt.Errorf("passkey: encode %s options: %w", kind, err)
	}
	id := token.New()
	now := s.Store.Now()
	err = s.Store.CreateCeremony(ctx, model.Ceremony{
		IDHash: token.Hash(id), Kind: kind, ContactID: contactID, Session: string(js),
		CreatedAt: now, ExpiresAt: now.Add(CeremonyTTL),
	})
	if err != nil {
		return nil, err
	}
	return &Begun{CeremonyID: id, Options: opts}, nil
}

// take consumes a ceremony: whatever happens next, it cannot be finished
// again. An unknown, used or expired one is ErrExpired.
func (s *Service) take(ctx context.Context, kind, id string) (*model.Ceremony, *webauthn.SessionData, error) {
	if id == "" {
		return nil, nil, ErrExpired
	}
	c, err := s.Store.TakeCeremony(ctx, token.Hash(id), kind)
	if errors.Is(err, model.ErrNotFound) {
		return nil, nil, ErrExpired
	}
	if err != nil {
		return nil, nil, err
	}
	var sess webauthn.SessionData
	if err := json.Unmarshal([]byte(c.Session), &sess); err != nil {
		return nil, nil, fmt.Errorf("passkey: decode %s ceremony: %w", kind, err)
	}
	return c, &sess, nil
}

package web

import (
	"crypto/sha256"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
)

// secretTTL is how long a new signing secret waits for the endpoint page
// that shows it. One never shown is lost; the admin rotates the secret.
const secretTTL = 10 * time.Minute

// secretSlots hold each new signing secret between the POST that made it
// and the one GET of the endpoint's page that shows it (Post/Redirect/Get),
// so reloading that page never posts the form again, and the secret never
// travels in a URL or a cookie. A slot belongs to one admin session and
// one endpoint, lives only in memory and is emptied when shown.
type secretSlots struct {
	mu    sync.Mutex
	slots map[secretKey]newSecret
}

// secretKey is a session, by its token's hash, and an endpoint.
type secretKey struct {
	session  [sha256.Size]byte
	endpoint int64
}

// newSecret is a secret waiting to be shown.
type newSecret struct {
	Secret string
	// Created is true for a new endpoint, false after a rotation.
	Created bool
	expires time.Time
}

func slotKey(c *fiber.Ctx, endpoint int64) secretKey {
	token, _ := c.Locals(localSession).(string)
	return secretKey{session: sha256.Sum256([]byte(token)), endpoint: endpoint}
}

// put keeps a secret for this session's next view of the endpoint, and
// drops the secrets nobody came for.
func (s *secretSlots) put(c *fiber.Ctx, endpoint int64, secret string, created bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if s.slots == nil {
		s.slots = map[secretKey]newSecret{}
	}
	for k, v := range s.slots {
		if now.After(v.expires) {
			delete(s.slots, k)
		}
	}
	s.slots[slotKey(c, endpoint)] = newSecret{Secret: secret, Created: created, expires: now.Add(secretTTL)}
}

// take returns the secret waiting for this session and endpoint, once.
func (s *secretSlots) take(c *fiber.Ctx, endpoint int64) (*newSecret, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := slotKey(c, endpoint)
	v, ok := s.slots[k]
	delete(s.slots, k)
	if !ok || time.Now().After(v.expires) {
		return nil, false
	}
	return &v, true
}

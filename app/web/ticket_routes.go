package web

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
)

// ticketRoutes maps the portal's tickets and sign-up. Like the rest of
// the portal they come before the agents' routes, which require an agent.
func (s *Server) ticketRoutes() {
	p := s.app.Group("/portal")
	p.Get("/tickets", s.requireCustomer, s.portalTicketList)
	p.Get("/tickets/new", s.portalTicketNew)
	p.Post("/tickets", s.visitorLimiters(s.ticketLimited)...).Post("/tickets", s.portalTicketCreate)
	p.Get("/tickets/:id", s.requireCustomer, s.portalTicketShow)
	p.Post("/tickets/:id/replies", s.requireCustomer, s.portalTicketReply)
	p.Post("/tickets/:id/reopen", s.requireCustomer, s.portalTicketReopen)
	p.Get("/signup", s.portalSignUpShow)
	p.Post("/signup", s.visitorLimiters(s.signUpLimited)...).Post("/signup", s.portalSignUp)
}

// deskRoutes map the agents' tickets. The group requires an agent.
func (s *Server) deskRoutes(a fiber.Router) {
	a.Get("/tickets", s.ticketList)
	a.Get("/tickets/:id", s.ticketShow)
	a.Post("/tickets/:id", s.ticketUpdate)
	a.Post("/tickets/:id/replies", s.ticketReply)
}

// visitorLimiters cap what visitors who are not signed in may submit,
// per client IP and per address typed, so nobody floods the helpdesk or
// a mailbox; the limit is the same whether or not the address is known.
// Signed-in customers are not limited here.
func (s *Server) visitorLimiters(limited fiber.Handler) []fiber.Handler {
	signedIn := func(c *fiber.Ctx) bool { return currentCustomer(c) != nil }
	byIP := limiter.New(limiter.Config{Max: s.cfg.LoginPerMin, Expiration: time.Minute, Next: signedIn, LimitReached: limited,
		KeyGenerator: clientIP})
	byAddress := limiter.New(limiter.Config{Max: 3, Expiration: 10 * time.Minute, Next: signedIn,
		LimitReached: limited, KeyGenerator: addressKey})
	return []fiber.Handler{byIP, byAddress}
}

const tooMany = "Too many requests came from here. Wait a few minutes, then try again."

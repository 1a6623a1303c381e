package web

import (
	"net/netip"
	"strings"

	"github.com/gofiber/fiber/v2"
)

const localClientIP = "client_ip"

// findClient keeps the client's address for the request: the peer's,
// or, when the peer is a trusted proxy, the right-most X-Forwarded-For
// entry that is not a trusted proxy. Each proxy appends the address it
// was reached from, so entries to the left of that one are whatever the
// client chose to send and are never believed.
func (s *Server) findClient(c *fiber.Ctx) error {
	c.Locals(localClientIP, s.clientAddr(c))
	return c.Next()
}

func (s *Server) clientAddr(c *fiber.Ctx) string {
	addr, _ := netip.AddrFromSlice(c.Context().RemoteIP())
	addr = addr.Unmap()
	if !s.cfg.TrustsProxy(addr) {
		return addr.String()
	}
	var hops []string
	for _, h := range c.Request().Header.PeekAll(fiber.HeaderXForwardedFor) {
		hops = append(hops, strings.Split(string(h), ",")...)
	}
	for i := len(hops) - 1; i >= 0; i-- {
		hop, ok := parseHop(hops[i])
		if !ok {
			break // not written by a proxy of ours: keep the last hop we trust
		}
		if addr = hop; !s.cfg.TrustsProxy(addr) {
			break
		}
	}
	return addr.String()
}

// parseHop reads one X-Forwarded-For entry: an address, with a port or
// not.
func parseHop(s string) (netip.Addr, bool) {
	s = strings.TrimSpace(s)
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap(), true
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap(), true
	}
	return netip.Addr{}, false
}

// clientIP is the request's client address, as findClient found it.
func clientIP(c *fiber.Ctx) string {
	if ip, ok := c.Locals(localClientIP).(string); ok {
		return ip
	}
	return c.IP()
}

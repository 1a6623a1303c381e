package config

import (
	"fmt"
	"net/netip"
	"strings"
	"time"
)

// loopbackProxies are trusted when --trust-proxy is on and no proxy is
// listed: a reverse proxy on the same host, the usual set-up.
const loopbackProxies = "127.0.0.0/8,::1/128"

// validateProxies parses --trusted-proxies. Listing proxies implies
// --trust-proxy; --trust-proxy alone trusts a proxy on this host. Without
// either the list is empty and X-Forwarded-For is ignored.
func (c *Config) validateProxies() []error {
	c.TrustedProxies = nil
	raw := strings.TrimSpace(c.TrustedProxiesRaw)
	if raw != "" {
		c.TrustProxy = true
	}
	if !c.TrustProxy {
		return nil
	}
	if raw == "" {
		raw = loopbackProxies
	}
	var errs []error
	for _, f := range strings.Split(raw, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		p, err := parseNet(f)
		if err != nil {
			errs = append(errs, fmt.Errorf("trusted-proxies %q: want the proxies' networks or addresses, such as 10.0.0.0/8 or 192.0.2.7, separated by commas", f))
			continue
		}
		c.TrustedProxies = append(c.TrustedProxies, p)
	}
	return errs
}

// TrustsProxy reports whether a request from addr may name its client in
// X-Forwarded-For: addr is one of the trusted proxies.
func (c *Config) TrustsProxy(addr netip.Addr) bool {
	addr = addr.Unmap()
	for _, p := range c.TrustedProxies {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// checkHSTS refuses a negative max-age; 0 sends no HSTS header.
func (c *Config) checkHSTS() error {
	if c.HSTSMaxAge < 0 {
		return fmt.Errorf("hsts-max-age %s: want 0 (no header) or a duration such as 8760h for a year", c.HSTSMaxAge)
	}
	if c.HSTSMaxAge > 0 && c.HSTSMaxAge < time.Second {
		return fmt.Errorf("hsts-max-age %s: want at least 1s, or 0 for no header", c.HSTSMaxAge)
	}
	return nil
}

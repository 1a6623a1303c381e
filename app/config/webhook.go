package config

import (
	"fmt"
	"net/netip"
	"strings"
)

// validateAllowNets parses --webhook-allow-nets: CIDR prefixes, or bare
// addresses taken as a single host.
func (c *Config) validateAllowNets() []error {
	c.WebhookAllowNets = nil
	var errs []error
	for _, f := range strings.Split(c.WebhookAllowNetsRaw, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		p, err := parseNet(f)
		if err != nil {
			errs = append(errs, fmt.Errorf("webhook-allow-nets %q: want networks such as 127.0.0.0/8, 10.1.2.0/24 or ::1/128, separated by commas", f))
			continue
		}
		c.WebhookAllowNets = append(c.WebhookAllowNets, p)
	}
	return errs
}

func parseNet(s string) (netip.Prefix, error) {
	if !strings.Contains(s, "/") {
		a, err := netip.ParseAddr(s)
		if err != nil {
			return netip.Prefix{}, err
		}
		return netip.PrefixFrom(a, a.BitLen()), nil
	}
	p, err := netip.ParsePrefix(s)
	return p.Masked(), err
}

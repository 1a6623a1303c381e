package config

import (
	"flag"
	"net/netip"
	"strings"
	"testing"
)

// TestTrustedProxies reads the proxies from the flag or the environment:
// listing them turns trust-proxy on, trust-proxy alone trusts loopback,
// and a bad entry is named with an example.
func TestTrustedProxies(t *testing.T) {
	cases := []struct {
		env   string
		args  []string
		trust bool
		want  []string
		bad   string
	}{
		{"", nil, false, nil, ""},
		{"", []string{"-trust-proxy"}, true, []string{"127.0.0.0/8", "::1/128"}, ""},
		{"10.0.0.0/8, 192.0.2.7", nil, true, []string{"10.0.0.0/8", "192.0.2.7/32"}, ""},
		{"", []string{"-trusted-proxies", "2001:db8::/32"}, true, []string{"2001:db8::/32"}, ""},
		{"10.0.0.0/33", nil, true, nil, `trusted-proxies "10.0.0.0/33": want the proxies' networks`},
		{"proxy.internal", nil, true, nil, `trusted-proxies "proxy.internal"`},
	}
	for _, tc := range cases {
		t.Run(tc.env+strings.Join(tc.args, " "), func(t *testing.T) {
			if tc.env != "" {
				t.Setenv("PORTICO_TRUSTED_PROXIES", tc.env)
			}
			c := parsed(t, tc.args...)
			err := c.Validate()
			if tc.bad != "" {
				if err == nil || !strings.Contains(err.Error(), tc.bad) {
					t.Fatalf("error %v, want one saying %q", err, tc.bad)
				}
				return
			}
			var got []string
			for _, p := range c.TrustedProxies {
				got = append(got, p.String())
			}
			if err != nil || c.TrustProxy != tc.trust || strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("trust %v, proxies %v, %v; want %v %v", c.TrustProxy, got, err, tc.trust, tc.want)
			}
		})
	}
}

func TestTrustsProxy(t *testing.T) {
	c := parsed(t, "-trusted-proxies", "10.0.0.0/8")
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	for addr, want := range map[string]bool{"10.1.2.3": true, "::ffff:10.1.2.3": true, "11.0.0.1": false, "127.0.0.1": false} {
		if got := c.TrustsProxy(netip.MustParseAddr(addr)); got != want {
			t.Errorf("TrustsProxy(%s) = %v, want %v", addr, got, want)
		}
	}
}

func TestHSTSMaxAge(t *testing.T) {
	if c := parsed(t); c.Validate() != nil || c.HSTSMaxAge.Hours() != 365*24 {
		t.Errorf("default hsts-max-age %s", c.HSTSMaxAge)
	}
	if c := parsed(t, "-hsts-max-age", "0"); c.Validate() != nil || c.HSTSMaxAge != 0 {
		t.Errorf("hsts-max-age 0: %s", c.HSTSMaxAge)
	}
	t.Setenv("PORTICO_HSTS_MAX_AGE", "-1h")
	err := parsed(t).Validate()
	if err == nil || !strings.Contains(err.Error(), "hsts-max-age -1h0m0s: want 0 (no header)") {
		t.Errorf("negative hsts-max-age: %v", err)
	}
}

// parsed is the default configuration with args parsed as flags.
func parsed(t *testing.T, args ...string) *Config {
	t.Helper()
	c := Default()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c.Register(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return c
}

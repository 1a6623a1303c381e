package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"
	"time"
)

// settingError is a bad setting, by the name of its flag.
type settingError struct {
	setting string
	err     error
}

func (c *Config) envErr(setting string, err error) {
	c.envErrs = append(c.envErrs, settingError{setting, err})
}

// check validates settings and fills what derives from them.
type check struct {
	settings []string
	run      func() error
}

// checks are in the order they must run: base-url defaults from addr,
// and the mail sender's host from base-url.
func (c *Config) checks() []check {
	return []check{
		{[]string{"addr"}, c.checkAddr},
		{[]string{"db"}, c.checkDB},
		{[]string{"files"}, c.checkFiles},
		{[]string{"plugins-dir"}, c.checkPluginsDir},
		{[]string{"base-url"}, c.checkBaseURL},
		{[]string{"smtp-url", "mail-from"}, func() error { return errors.Join(c.validateMail()...) }},
		{[]string{"webhook-allow-nets"}, func() error { return errors.Join(c.validateAllowNets()...) }},
		{[]string{"trust-proxy", "trusted-proxies"}, func() error { return errors.Join(c.validateProxies()...) }},
		{[]string{"hsts-max-age"}, c.checkHSTS},
		{[]string{"log-level"}, func() error { _, err := c.Level(); return err }},
		{[]string{"log-format"}, c.checkLogFormat},
		{[]string{"session-ttl"}, func() error { return atLeast("session-ttl", c.SessionTTL, time.Minute, "1m") }},
		{[]string{"activation-ttl"}, func() error { return atLeast("activation-ttl", c.ActivationTTL, time.Minute, "1m") }},
		{[]string{"job-lease"}, func() error { return atLeast("job-lease", c.JobLease, time.Second, "1s") }},
		{[]string{"event-retention"}, func() error {
			return atLeast("event-retention", c.EventRetention, time.Hour, "1h, such as 720h for 30 days")
		}},
		{[]string{"login-rate"}, func() error { return atLeast("login-rate", c.LoginPerMin, 1, "1") }},
		{[]string{"import-max-mb"}, c.checkImportMaxMB},
		{[]string{"import-max-rows"}, func() error { return atLeast("import-max-rows", c.ImportMaxRows, 1, "1") }},
	}
}

// Validate checks every setting and fills the derived ones. Its error
// names each bad setting and what would fix it.
func (c *Config) Validate() error { return c.validate(nil) }

// ValidateOnly is Validate for the named settings (by their flags'
// names) alone. A command that reads only a few settings uses it, so that
// a server setting it never reads, such as a bad PORTICO_SMTP_URL in the
// environment, cannot stop it.
func (c *Config) ValidateOnly(settings ...string) error {
	if settings == nil {
		settings = []string{}
	}
	return c.validate(settings)
}

// validate runs the checks of the wanted settings, all when wanted is nil.
func (c *Config) validate(wanted []string) error {
	want := func(names ...string) bool {
		return wanted == nil || slices.ContainsFunc(names, func(n string) bool { return slices.Contains(wanted, n) })
	}
	var errs []error
	for _, e := range c.envErrs {
		if want(e.setting) {
			errs = append(errs, e.err)
		}
	}
	for _, ch := range c.checks() {
		if want(ch.settings...) {
			if err := ch.run(); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

func (c *Config) checkAddr() error {
	if _, port, err := net.SplitHostPort(c.Addr); err != nil || !validPort(port) {
		return fmt.Errorf("addr %q: want host:port, such as localhost:8080 or :8080", c.Addr)
	}
	return nil
}

func (c *Config) checkBaseURL() error {
	if c.BaseURL == "" {
		host := c.Addr
		if strings.HasPrefix(host, ":") {
			host = "localhost" + host
		}
		c.BaseURL = "http://" + host
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("base-url %q: want an absolute http or https URL, such as https://support.example.com", c.BaseURL)
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	c.ParsedBase, c.SecureCookie = u, u.Scheme == "https"
	c.BaseURL = u.String()
	return nil
}

func (c *Config) checkLogFormat() error {
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("log-format %q: want text or json", c.LogFormat)
	}
	return nil
}

func (c *Config) checkImportMaxMB() error {
	if c.ImportMaxMB < 1 || c.ImportMaxMB > 16<<10 {
		return fmt.Errorf("import-max-mb %d: want 1 to 16384", c.ImportMaxMB)
	}
	return nil
}

// atLeast refuses a value below floor, which the message shows as want.
func atLeast[T int | time.Duration](setting string, v, floor T, want string) error {
	if v < floor {
		return fmt.Errorf("%s %v: want at least %s", setting, v, want)
	}
	return nil
}

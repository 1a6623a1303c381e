package config

import (
	"flag"
	"strings"
	"testing"
)

// TestValidateOnlyChecksTheNamedSettings reads bad server settings from
// the environment: Validate names each, and ValidateOnly only those it is
// asked about, deriving what they need.
func TestValidateOnlyChecksTheNamedSettings(t *testing.T) {
	t.Setenv("PORTICO_SMTP_URL", "ftp://mail.example.com")
	t.Setenv("PORTICO_ADDR", "no-port")
	t.Setenv("PORTICO_SESSION_TTL", "forever")
	t.Setenv("PORTICO_JOB_LEASE", "soon")
	t.Setenv("PORTICO_DB", "data/p.db")
	err := fromEnv().Validate()
	for _, want := range []string{"smtp-url", "addr", "PORTICO_SESSION_TTL", "PORTICO_JOB_LEASE"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate: %v, want %s named", err, want)
		}
	}
	c := fromEnv()
	if err := c.ValidateOnly("db", "files", "log-level"); err != nil || c.FilesDir != "data" {
		t.Errorf("ValidateOnly: %v, files %q", err, c.FilesDir)
	}
	err = c.ValidateOnly("db", "job-lease")
	if err == nil || err.Error() != `PORTICO_JOB_LEASE "soon": want a duration such as 72h or 30m` {
		t.Errorf("ValidateOnly with job-lease: %v", err)
	}
	if err := c.ValidateOnly(); err != nil {
		t.Errorf("ValidateOnly of nothing: %v", err)
	}
}

// fromEnv is a configuration read from the environment alone.
func fromEnv() *Config {
	c := &Config{}
	c.Register(flag.NewFlagSet("test", flag.ContinueOnError))
	return c
}

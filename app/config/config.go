// Package config reads Portico's settings from flags and PORTICO_*
// environment variables and validates them once, at start.
//
// It imports nothing of Portico's.
package config

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/mail"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config is every setting Portico reads at start.
type Config struct {
	Addr   string
	DBPath string
	// FilesDir holds uploaded and generated files (imports, exports);
	// by default the database's folder.
	FilesDir   string
	BaseURL    string
	LogLevel   string
	LogFormat  string
	SessionTTL time.Duration
	// ActivationTTL is how long an activation or password reset link
	// emailed to a contact works.
	ActivationTTL time.Duration
	// JobLease is how long a background job stays claimed without a
	// heartbeat: after a crash, how long until another worker resumes it.
	JobLease time.Duration
	// EventRetention is how long events and finished webhook deliveries
	// are kept; an event any delivery still needs is kept longer.
	EventRetention time.Duration
	LoginPerMin    int
	TrustProxy     bool
	// ImportMaxMB and ImportMaxRows bound one imported file.
	ImportMaxMB   int
	ImportMaxRows int
	ParsedBase    *url.URL
	SecureCookie  bool
	SMTPURL       string
	MailFrom      string
	// SMTP is nil when no SMTP server is configured.
	SMTP    *SMTP
	From    *mail.Address
	envErrs []error

	// WebhookAllowNets lists networks webhooks may reach although they are
	// private or loopback, such as a local receiver during development.
	WebhookAllowNetsRaw string
	WebhookAllowNets    []netip.Prefix
}

// option describes one setting: its flag, its variable and its help.
type option struct {
	name, env, def, help string
	dst                  *string
}

func (c *Config) options() []option {
	return []option{
		{"addr", "PORTICO_ADDR", "localhost:8080", "address to listen on (host:port)", &c.Addr},
		{"db", "PORTICO_DB", "data/portico.db", "path of the SQLite database file (created if missing)", &c.DBPath},
		{"files", "PORTICO_FILES", "", "folder for uploaded and exported files (default: the database's folder)", &c.FilesDir},
		{"base-url", "PORTICO_BASE_URL", "", "public URL of this server, used in links and to decide Secure cookies (default http://ADDR)", &c.BaseURL},
		{"log-level", "PORTICO_LOG_LEVEL", "info", "log level: debug, info, warn or error", &c.LogLevel},
		{"log-format", "PORTICO_LOG_FORMAT", "text", "log format: text or json", &c.LogFormat},
		{"smtp-url", "PORTICO_SMTP_URL", "", "SMTP server for outgoing email: smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465; ?from=ADDRESS sets the sender, ?tls=none is only for a local test server; empty keeps email in the built-in mailbox", &c.SMTPURL},
		{"webhook-allow-nets", "PORTICO_WEBHOOK_ALLOW_NETS", "", "comma-separated networks (CIDR, such as 127.0.0.0/8) that webhooks may reach although private, loopback or link-local; empty allows only public addresses", &c.WebhookAllowNetsRaw},
		{"mail-from", "PORTICO_MAIL_FROM", "", "sender of outgoing email, such as \"Support <support@example.com>\" (default Portico <portico@HOST of base-url>)", &c.MailFrom},
	}
}

const (
	defaultSessionTTL  = 14 * 24 * time.Hour
	defaultLinkTTL     = 72 * time.Hour
	defaultJobLease    = 30 * time.Second
	defaultRetention   = 30 * 24 * time.Hour
	defaultLoginPerMin = 10
	defaultImportMaxMB = 200
	defaultImportRows  = 1_000_000
)

// Default returns the built-in defaults, ignoring flags and environment,
// for tests and programs that build a configuration in code. Call
// Validate after changing it.
func Default() *Config {
	c := &Config{SessionTTL: defaultSessionTTL, ActivationTTL: defaultLinkTTL, JobLease: defaultJobLease,
		EventRetention: defaultRetention, LoginPerMin: defaultLoginPerMin,
		ImportMaxMB: defaultImportMaxMB, ImportMaxRows: defaultImportRows}
	for _, o := range c.options() {
		*o.dst = o.def
	}
	return c
}

// Register declares the settings on fs. Each flag's default is its
// environment variable when set, so a flag beats the environment, which
// beats the built-in default.
func (c *Config) Register(fs *flag.FlagSet) {
	for _, o := range c.options() {
		def := o.def
		if v, ok := os.LookupEnv(o.env); ok {
			def = v
		}
		fs.StringVar(o.dst, o.name, def, fmt.Sprintf("%s [%s]", o.help, o.env))
	}
	fs.DurationVar(&c.SessionTTL, "session-ttl", c.envDuration("PORTICO_SESSION_TTL", defaultSessionTTL), "how long an idle agent session lasts [PORTICO_SESSION_TTL]")
	fs.DurationVar(&c.ActivationTTL, "activation-ttl", c.envDuration("PORTICO_ACTIVATION_TTL", defaultLinkTTL), "how long an activation or password reset link emailed to a contact works [PORTICO_ACTIVATION_TTL]")
	fs.DurationVar(&c.JobLease, "job-lease", c.envDuration("PORTICO_JOB_LEASE", defaultJobLease), "how long a crashed worker's job waits before another resumes it [PORTICO_JOB_LEASE]")
	fs.DurationVar(&c.EventRetention, "event-retention", c.envDuration("PORTICO_EVENT_RETENTION", defaultRetention), "how long events and the webhook delivery log are kept [PORTICO_EVENT_RETENTION]")
	fs.IntVar(&c.LoginPerMin, "login-rate", c.envInt("PORTICO_LOGIN_RATE", defaultLoginPerMin), "failed sign-ins allowed per minute, per IP and per account [PORTICO_LOGIN_RATE]")
	fs.IntVar(&c.ImportMaxMB, "import-max-mb", c.envInt("PORTICO_IMPORT_MAX_MB", defaultImportMaxMB), "largest file an import accepts, in megabytes [PORTICO_IMPORT_MAX_MB]")
	fs.IntVar(&c.ImportMaxRows, "import-max-rows", c.envInt("PORTICO_IMPORT_MAX_ROWS", defaultImportRows), "most rows an imported file may have [PORTICO_IMPORT_MAX_ROWS]")
	fs.BoolVar(&c.TrustProxy, "trust-proxy", c.envBool("PORTICO_TRUST_PROXY"), "take the client IP from X-Forwarded-For (only behind a reverse proxy) [PORTICO_TRUST_PROXY]")
}

// Validate checks every setting and fills the derived ones. Its error
// names each bad setting and what would fix it.
func (c *Config) Validate() error {
	errs := c.envErrs
	if _, port, err := net.SplitHostPort(c.Addr); err != nil || !validPort(port) {
		errs = append(errs, fmt.Errorf("addr %q: want host:port, such as localhost:8080 or :8080", c.Addr))
	}
	if strings.TrimSpace(c.DBPath) == "" {
		errs = append(errs, errors.New("db: a database path is required"))
	}
	if c.FilesDir == "" {
		c.FilesDir = filepath.Dir(c.DBPath)
	}
	if c.BaseURL == "" {
		host := c.Addr
		if strings.HasPrefix(host, ":") {
			host = "localhost" + host
		}
		c.BaseURL = "http://" + host
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("base-url %q: want an absolute http or https URL, such as https://support.example.com", c.BaseURL))
	} else {
		u.Path = strings.TrimSuffix(u.Path, "/")
		c.ParsedBase, c.SecureCookie = u, u.Scheme == "https"
		c.BaseURL = u.String()
	}
	errs = append(errs, c.validateMail()...)
	errs = append(errs, c.validateAllowNets()...)
	if _, err := c.Level(); err != nil {
		errs = append(errs, err)
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, fmt.Errorf("log-format %q: want text or json", c.LogFormat))
	}
	if c.SessionTTL < time.Minute {
		errs = append(errs, fmt.Errorf("session-ttl %s: want at least 1m", c.SessionTTL))
	}
	if c.ActivationTTL < time.Minute {
		errs = append(errs, fmt.Errorf("activation-ttl %s: want at least 1m", c.ActivationTTL))
	}
	if c.JobLease < time.Second {
		errs = append(errs, fmt.Errorf("job-lease %s: want at least 1s", c.JobLease))
	}
	if c.EventRetention < time.Hour {
		errs = append(errs, fmt.Errorf("event-retention %s: want at least 1h, such as 720h for 30 days", c.EventRetention))
	}
	if c.LoginPerMin < 1 {
		errs = append(errs, fmt.Errorf("login-rate %d: want at least 1", c.LoginPerMin))
	}
	if c.ImportMaxMB < 1 || c.ImportMaxMB > 16<<10 {
		errs = append(errs, fmt.Errorf("import-max-mb %d: want 1 to 16384", c.ImportMaxMB))
	}
	if c.ImportMaxRows < 1 {
		errs = append(errs, fmt.Errorf("import-max-rows %d: want at least 1", c.ImportMaxRows))
	}
	return errors.Join(errs...)
}

// validateMail parses the SMTP URL and the sender. The sender given by
// --mail-from wins over the URL's "from" option.
func (c *Config) validateMail() []error {
	var errs []error
	from := c.MailFrom
	if c.SMTPURL != "" {
		s, urlFrom, err := parseSMTP(c.SMTPURL)
		if err != nil {
			errs = append(errs, err)
		}
		c.SMTP = s
		if from == "" {
			from = urlFrom
		}
	}
	host := "localhost"
	if c.ParsedBase != nil {
		host = c.ParsedBase.Hostname()
	}
	a, err := parseFrom(from, host)
	if err != nil {
		errs = append(errs, err)
	}
	c.From = a
	return errs
}

// Level returns the configured slog level.
func (c *Config) Level() (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return l, fmt.Errorf("log-level %q: want debug, info, warn or error", c.LogLevel)
	}
	return l, nil
}

func (c *Config) envDuration(name string, def time.Duration) time.Duration {
	v, ok := os.LookupEnv(name)
	if !ok {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		c.envErrs = append(c.envErrs, fmt.Errorf("%s %q: want a duration such as 72h or 30m", name, v))
		return def
	}
	return d
}

func (c *Config) envInt(name string, def int) int {
	v, ok := os.LookupEnv(name)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		c.envErrs = append(c.envErrs, fmt.Errorf("%s %q: want a whole number", name, v))
		return def
	}
	return n
}

func (c *Config) envBool(name string) bool {
	v, ok := os.LookupEnv(name)
	if !ok {
		return false
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		c.envErrs = append(c.envErrs, fmt.Errorf("%s %q: want true or false", name, v))
	}
	return b
}

// validPort accepts 0 (any free port) to 65535.
func validPort(p string) bool {
	n, err := strconv.Atoi(p)
	return err == nil && n >= 0 && n <= 65535
}

package config

import (
	"flag"
	"fmt"
	"log/slog"
	"net/mail"
	"net/netip"
	"net/url"
	"os"
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
	FilesDir string
	// PluginsDir holds one folder per plugin; by default the plugins
	// folder next to the database.
	PluginsDir string
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
	// TrustProxy takes the client's IP from X-Forwarded-For when a
	// request comes from one of TrustedProxies: the right-most address
	// that is not a trusted proxy, which no client can forge.
	TrustProxy        bool
	TrustedProxiesRaw string
	TrustedProxies    []netip.Prefix
	// HSTSMaxAge is the max-age of the Strict-Transport-Security header
	// sent when the base URL is https; 0 sends none.
	HSTSMaxAge time.Duration
	// ImportMaxMB and ImportMaxRows bound one imported file.
	ImportMaxMB   int
	ImportMaxRows int
	ParsedBase    *url.URL
	SecureCookie  bool
	SMTPURL       string
	MailFrom      string
	// SMTP is nil when no SMTP server is configured.
	SMTP *SMTP
	From *mail.Address
	// envErrs are the environment variables that could not be read, by
	// the setting they set.
	envErrs []settingError

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
		{"plugins-dir", "PORTICO_PLUGINS_DIR", "", "folder holding one folder per plugin (default: plugins next to the database)", &c.PluginsDir},
		{"base-url", "PORTICO_BASE_URL", "", "public URL of this server, used in links and to decide Secure cookies (default http://ADDR)", &c.BaseURL},
		{"log-level", "PORTICO_LOG_LEVEL", "info", "log level: debug, info, warn or error", &c.LogLevel},
		{"log-format", "PORTICO_LOG_FORMAT", "text", "log format: text or json", &c.LogFormat},
		{"smtp-url", "PORTICO_SMTP_URL", "", "SMTP server for outgoing email: smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465; ?from=ADDRESS sets the sender, ?tls=none is only for a local test server; empty keeps email in the built-in mailbox", &c.SMTPURL},
		{"webhook-allow-nets", "PORTICO_WEBHOOK_ALLOW_NETS", "", "comma-separated networks (CIDR, such as 127.0.0.0/8) that webhooks may reach although private, loopback or link-local; empty allows only public addresses", &c.WebhookAllowNetsRaw},
		{"trusted-proxies", "PORTICO_TRUSTED_PROXIES", "", "comma-separated reverse proxies (CIDR or address, such as 10.0.0.0/8) whose X-Forwarded-For is believed; setting it turns on trust-proxy (default with trust-proxy: 127.0.0.0/8,::1/128)", &c.TrustedProxiesRaw},
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
	defaultHSTSMaxAge  = 365 * 24 * time.Hour
)

// Default returns the built-in defaults, ignoring flags and environment,
// for tests and programs that build a configuration in code. Call
// Validate after changing it.
func Default() *Config {
	c := &Config{SessionTTL: defaultSessionTTL, ActivationTTL: defaultLinkTTL, JobLease: defaultJobLease,
		EventRetention: defaultRetention, LoginPerMin: defaultLoginPerMin, HSTSMaxAge: defaultHSTSMaxAge,
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
	fs.DurationVar(&c.SessionTTL, "session-ttl", c.envDuration("session-ttl", defaultSessionTTL), "how long an idle agent session lasts [PORTICO_SESSION_TTL]")
	fs.DurationVar(&c.ActivationTTL, "activation-ttl", c.envDuration("activation-ttl", defaultLinkTTL), "how long an activation or password reset link emailed to a contact works [PORTICO_ACTIVATION_TTL]")
	fs.DurationVar(&c.JobLease, "job-lease", c.envDuration("job-lease", defaultJobLease), "how long a crashed worker's job waits before another resumes it [PORTICO_JOB_LEASE]")
	fs.DurationVar(&c.EventRetention, "event-retention", c.envDuration("event-retention", defaultRetention), "how long events and the webhook delivery log are kept [PORTICO_EVENT_RETENTION]")
	fs.IntVar(&c.LoginPerMin, "login-rate", c.envInt("login-rate", defaultLoginPerMin), "failed sign-ins allowed per minute from one IP, and in a row on one account before each further failure delays the next try [PORTICO_LOGIN_RATE]")
	fs.IntVar(&c.ImportMaxMB, "import-max-mb", c.envInt("import-max-mb", defaultImportMaxMB), "largest file an import accepts, in megabytes [PORTICO_IMPORT_MAX_MB]")
	fs.IntVar(&c.ImportMaxRows, "import-max-rows", c.envInt("import-max-rows", defaultImportRows), "most rows an imported file may have [PORTICO_IMPORT_MAX_ROWS]")
	fs.BoolVar(&c.TrustProxy, "trust-proxy", c.envBool("trust-proxy"), "take the client IP from X-Forwarded-For, as set by the trusted proxies (only behind a reverse proxy) [PORTICO_TRUST_PROXY]")
	fs.DurationVar(&c.HSTSMaxAge, "hsts-max-age", c.envDuration("hsts-max-age", defaultHSTSMaxAge), "max-age of the Strict-Transport-Security header sent when base-url is https; 0 sends none [PORTICO_HSTS_MAX_AGE]")
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

// envDuration, envInt and envBool read the variable of the setting
// named by its flag, such as PORTICO_JOB_LEASE for job-lease.
func (c *Config) envDuration(setting string, def time.Duration) time.Duration {
	v, ok := os.LookupEnv(envName(setting))
	if !ok {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		c.envErr(setting, fmt.Errorf("%s %q: want a duration such as 72h or 30m", envName(setting), v))
		return def
	}
	return d
}

func (c *Config) envInt(setting string, def int) int {
	v, ok := os.LookupEnv(envName(setting))
	if !ok {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		c.envErr(setting, fmt.Errorf("%s %q: want a whole number", envName(setting), v))
		return def
	}
	return n
}

func (c *Config) envBool(setting string) bool {
	v, ok := os.LookupEnv(envName(setting))
	if !ok {
		return false
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		c.envErr(setting, fmt.Errorf("%s %q: want true or false", envName(setting), v))
	}
	return b
}

// envName is the environment variable of a setting: job-lease is read
// from PORTICO_JOB_LEASE.
func envName(setting string) string {
	return "PORTICO_" + strings.ToUpper(strings.ReplaceAll(setting, "-", "_"))
}

// validPort accepts 0 (any free port) to 65535.
func validPort(p string) bool {
	n, err := strconv.Atoi(p)
	return err == nil && n >= 0 && n <= 65535
}

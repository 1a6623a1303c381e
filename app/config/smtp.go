package config

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
)

// TLS modes of an SMTP connection.
const (
	TLSStartTLS = "starttls" // smtp://, port 587 by default: STARTTLS is required
	TLSImplicit = "tls"      // smtps://, port 465 by default
	TLSNone     = "none"     // smtp://...?tls=none: plain text, only for a local test server
)

// SMTP is the server outgoing email is handed to. A nil *SMTP means none
// is configured, and email stays in the built-in mailbox.
type SMTP struct {
	Host     string
	Port     int
	Username string
	Password string
	TLS      string
}

// Addr is host:port, for messages and logs; it never holds the password.
func (s *SMTP) Addr() string { return s.Host + ":" + strconv.Itoa(s.Port) }

// parseSMTP reads --smtp-url. Its errors show the URL with the password
// redacted, and a "from" query parameter is returned for --mail-from.
func parseSMTP(raw string) (*SMTP, string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, "", errors.New("smtp-url: not a valid URL; want smtp://user:pass@host:587 or smtps://user:pass@host:465")
	}
	s := &SMTP{Host: u.Hostname(), Username: u.User.Username()}
	s.Password, _ = u.User.Password()
	shown := u.Redacted()
	switch u.Scheme {
	case "smtp":
		s.TLS, s.Port = TLSStartTLS, 587
	case "smtps":
		s.TLS, s.Port = TLSImplicit, 465
	default:
		return nil, "", fmt.Errorf("smtp-url %q: the scheme must be smtp (STARTTLS) or smtps (TLS)", shown)
	}
	if s.Host == "" {
		return nil, "", fmt.Errorf("smtp-url %q: a host is required, such as smtp://user:pass@mail.example.com:587", shown)
	}
	if p := u.Port(); p != "" {
		if s.Port, err = strconv.Atoi(p); err != nil || s.Port < 1 || s.Port > 65535 {
			return nil, "", fmt.Errorf("smtp-url %q: the port must be a number from 1 to 65535", shown)
		}
	}
	q := u.Query()
	for k := range q {
		if k != "tls" && k != "from" {
			return nil, "", fmt.Errorf("smtp-url %q: unknown option %q; the options are tls and from", shown, k)
		}
	}
	switch tls := q.Get("tls"); {
	case tls == "" || tls == s.TLS:
	case tls == TLSNone && u.Scheme == "smtp":
		s.TLS = TLSNone
	default:
		return nil, "", fmt.Errorf("smtp-url %q: tls=%s is not allowed; use tls=none only with smtp:// for a local test server", shown, tls)
	}
	return s, q.Get("from"), nil
}

// parseFrom checks the sender address, defaulting to Portico at the
// public URL's host.
func parseFrom(from, host string) (*mail.Address, error) {
	if strings.TrimSpace(from) == "" {
		return &mail.Address{Name: "Portico", Address: "portico@" + host}, nil
	}
	a, err := mail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("mail-from %q: want an address such as \"Support <support@example.com>\"", from)
	}
	return a, nil
}

package config

import (
	"strings"
	"testing"
)

func valid(smtpURL, from string) (*Config, error) {
	c := Default()
	c.BaseURL, c.SMTPURL, c.MailFrom = "https://help.example.com", smtpURL, from
	return c, c.Validate()
}

func TestSMTPURL(t *testing.T) {
	cases := []struct {
		url  string
		want SMTP
	}{
		{"smtp://user:p%40ss@mail.example.com", SMTP{Host: "mail.example.com", Port: 587, Username: "user", Password: "p@ss", TLS: TLSStartTLS}},
		{"smtps://mail.example.com", SMTP{Host: "mail.example.com", Port: 465, TLS: TLSImplicit}},
		{"smtp://127.0.0.1:2525?tls=none", SMTP{Host: "127.0.0.1", Port: 2525, TLS: TLSNone}},
	}
	for _, tc := range cases {
		c, err := valid(tc.url, "")
		if err != nil || c.SMTP == nil || *c.SMTP != tc.want {
			t.Errorf("%s: %+v, %v", tc.url, c.SMTP, err)
		}
	}
}

func TestBadSMTPURLsAreExplainedWithoutThePassword(t *testing.T) {
	cases := map[string]string{
		"http://user:secret@mail.example.com":           "the scheme must be smtp (STARTTLS) or smtps (TLS)",
		"smtp://user:secret@:587":                       "a host is required",
		"smtp://user:secret@mail.example.com:99999":     "the port must be a number from 1 to 65535",
		"smtps://user:secret@mail.example.com?tls=none": "tls=none is not allowed",
		"smtp://user:secret@mail.example.com?tsl=none":  `unknown option "tsl"`,
		"smtp://user:secret@mail.example.com/%zz":       "not a valid URL",
	}
	for url, want := range cases {
		_, err := valid(url, "")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", url, err, want)
		} else if strings.Contains(err.Error(), "secret") {
			t.Errorf("%s: the error shows the password: %v", url, err)
		}
	}
}

func TestMailFrom(t *testing.T) {
	cases := []struct{ url, from, want string }{
		{"", "", `"Portico" <portico@help.example.com>`},
		{"smtp://mail.example.com?from=Help%20%3Chelp%40example.com%3E", "", `"Help" <help@example.com>`},
		{"smtp://mail.example.com?from=url%40example.com", "Desk <desk@example.com>", `"Desk" <desk@example.com>`},
	}
	for _, tc := range cases {
		c, err := valid(tc.url, tc.from)
		if err != nil || c.From.String() != tc.want {
			t.Errorf("%q %q: %v, %v; want %s", tc.url, tc.from, c.From, err, tc.want)
		}
	}
	if _, err := valid("", "not an address"); err == nil || !strings.Contains(err.Error(), "mail-from") {
		t.Errorf("a bad sender: %v", err)
	}
}

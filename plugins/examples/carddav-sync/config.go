package main

import (
	"net/url"
	"strings"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
)

// settings is one instance's configuration; the password is the secret
// "password".
type settings struct {
	URL            string `json:"url"`
	Username       string `json:"username"`
	TimeoutSeconds int    `json:"timeout_seconds"`
}

func configure(c sdk.Config) (*book, error) {
	var s settings
	if err := c.Decode(&s); err != nil {
		return nil, err
	}
	u, err := url.Parse(s.URL)
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return nil, sdk.InvalidConfig("url must be the address book's http:// or https:// URL, e.g. https://dav.example.org/alice/contacts/")
	case s.Username == "":
		return nil, sdk.InvalidConfig("username is required")
	case c.Secrets["password"] == "":
		return nil, sdk.InvalidConfig("the secret password is required")
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	timeout := time.Duration(s.TimeoutSeconds) * time.Second
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	return newBook(u, s.Username, c.Secrets["password"], timeout)
}

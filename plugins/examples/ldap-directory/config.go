package main

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/go-ldap/ldap/v3"

	"github.com/portico-hub/portico/plugins/sdk"
)

// settings is one instance's configuration; schema.json describes it.
type settings struct {
	URL            string  `json:"url"`
	StartTLS       bool    `json:"start_tls"`
	CACert         string  `json:"ca_cert"`
	BindDN         string  `json:"bind_dn"`
	BaseDN         string  `json:"base_dn"`
	UserFilter     string  `json:"user_filter"`
	IDAttribute    string  `json:"id_attribute"`
	Attributes     mapping `json:"attributes"`
	TimeoutSeconds int     `json:"timeout_seconds"`
}

// mapping names, per contact field, the attributes tried in order.
type mapping struct {
	Name            []string `json:"name"`
	GivenName       []string `json:"given_name"`
	Surname         []string `json:"surname"`
	Email           []string `json:"email"`
	SecondaryEmails []string `json:"secondary_emails"`
	Phone           []string `json:"phone"`
	Mobile          []string `json:"mobile"`
	Title           []string `json:"title"`
	Organisation    []string `json:"organisation"`
	About           []string `json:"about"`
}

// defaultMapping covers inetOrgPerson (OpenLDAP, 389 DS) and Active
// Directory's user objects, as Zammad's LDAP integration does.
var defaultMapping = mapping{
	Name: []string{"displayName", "cn"}, GivenName: []string{"givenName"}, Surname: []string{"sn"},
	Email: []string{"mail"}, SecondaryEmails: []string{"mailAlternateAddress", "proxyAddresses"},
	Phone: []string{"telephoneNumber"}, Mobile: []string{"mobile"}, Title: []string{"title"},
	Organisation: []string{"o", "company", "ou"}, About: []string{"description"},
}

const defaultFilter = "(|(objectClass=inetOrgPerson)(objectClass=user))"

func configure(_ context.Context, c sdk.Config) (sdk.Instance, error) {
	var s settings
	if err := c.Decode(&s); err != nil {
		return nil, err
	}
	if err := s.complete(); err != nil {
		return nil, err
	}
	return &directory{cfg: s, password: c.Secrets["bind_password"]}, nil
}

// complete checks the settings and fills in the defaults.
func (s *settings) complete() error {
	u, err := url.Parse(s.URL)
	switch {
	case s.URL == "":
		return sdk.InvalidConfig("url is required, e.g. ldap://ldap.example.org:389")
	case err != nil || (u.Scheme != "ldap" && u.Scheme != "ldaps") || u.Host == "":
		return sdk.InvalidConfig(fmt.Sprintf("url %q must look like ldap://host:389 or ldaps://host:636", s.URL))
	case s.StartTLS && u.Scheme == "ldaps":
		return sdk.InvalidConfig("start_tls is for ldap:// URLs; an ldaps:// connection is encrypted already")
	case strings.TrimSpace(s.BaseDN) == "":
		return sdk.InvalidConfig("base_dn is required, e.g. ou=people,dc=example,dc=org")
	}
	if _, err := ldap.ParseDN(s.BaseDN); err != nil {
		return sdk.InvalidConfig(fmt.Sprintf("base_dn %q is not a DN: %v", s.BaseDN, err))
	}
	if s.UserFilter == "" {
		s.UserFilter = defaultFilter
	}
	if _, err := ldap.CompileFilter(s.UserFilter); err != nil {
		return sdk.InvalidConfig(fmt.Sprintf("user_filter %q is not an LDAP filter: %v", s.UserFilter, err))
	}
	if s.IDAttribute == "" {
		s.IDAttribute = "entryUUID"
	}
	if s.TimeoutSeconds == 0 {
		s.TimeoutSeconds = 15
	}
	s.Attributes.fill(defaultMapping)
	return nil
}

func (s *settings) timeout() time.Duration { return time.Duration(s.TimeoutSeconds) * time.Second }

// fill takes the default for every field the admin left out.
func (m *mapping) fill(d mapping) {
	for _, f := range []struct{ dst, def *[]string }{
		{&m.Name, &d.Name}, {&m.GivenName, &d.GivenName}, {&m.Surname, &d.Surname}, {&m.Email, &d.Email},
		{&m.SecondaryEmails, &d.SecondaryEmails}, {&m.Phone, &d.Phone}, {&m.Mobile, &d.Mobile},
		{&m.Title, &d.Title}, {&m.Organisation, &d.Organisation}, {&m.About, &d.About},
	} {
		if *f.dst == nil {
			*f.dst = *f.def
		}
	}
}

// requested lists every attribute a search asks for.
func (s *settings) requested() []string {
	m := s.Attributes
	out := []string{s.IDAttribute}
	for _, l := range [][]string{m.Name, m.GivenName, m.Surname, m.Email, m.SecondaryEmails,
		m.Phone, m.Mobile, m.Title, m.Organisation, m.About} {
		out = append(out, l...)
	}
	return out
}

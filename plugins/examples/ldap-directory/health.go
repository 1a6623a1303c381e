package main

import (
	"context"
	"fmt"

	"github.com/go-ldap/ldap/v3"

	"github.com/portico-hub/portico/plugins/sdk"
)

// CheckHealth binds and reads the base DN itself, so a wrong password, an
// unreachable host and a misspelt base DN each get their own message.
func (d *directory) CheckHealth(ctx context.Context) (string, error) {
	conn, err := d.connect()
	if err != nil {
		return "", err
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	req := ldap.NewSearchRequest(d.cfg.BaseDN, ldap.ScopeBaseObject, ldap.NeverDerefAliases, 1,
		d.cfg.TimeoutSeconds, false, "(objectClass=*)", []string{"1.1"}, nil)
	if _, err := conn.Search(req); err != nil {
		if ldap.IsErrorWithCode(err, ldap.LDAPResultNoSuchObject) {
			return "", sdk.InvalidConfig(fmt.Sprintf("base DN %q does not exist on %s", d.cfg.BaseDN, d.cfg.URL))
		}
		return "", ldapError("reading the base DN", err)
	}
	who := "anonymously"
	if d.cfg.BindDN != "" {
		who = "as " + d.cfg.BindDN
	}
	return fmt.Sprintf("Connected to %s %s and found %s", d.cfg.URL, who, d.cfg.BaseDN), nil
}

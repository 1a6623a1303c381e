package main

import (
	"context"
	"fmt"

	"github.com/go-ldap/ldap/v3"
)

// scan runs the user search with the Simple Paged Results control (RFC
// 2696), so a directory of any size streams one page at a time, and calls
// visit for every entry in the server's order. A server without paging
// answers in one go, which works as long as its size limit allows.
func (d *directory) scan(ctx context.Context, conn *ldap.Conn, pageSize int, visit func(*ldap.Entry) error) error {
	paging := ldap.NewControlPaging(uint32(pageSize))
	req := ldap.NewSearchRequest(d.cfg.BaseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0,
		0, false, d.cfg.UserFilter, d.cfg.requested(), []ldap.Control{paging})
	seen := 0
	for {
		res, err := conn.Search(req)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			return d.searchError(err, seen)
		}
		for _, e := range res.Entries {
			if err := visit(e); err != nil {
				return err
			}
		}
		seen += len(res.Entries)
		next, _ := ldap.FindControl(res.Controls, ldap.ControlTypePaging).(*ldap.ControlPaging)
		if next == nil || len(next.Cookie) == 0 {
			return nil
		}
		paging.SetCookie(next.Cookie)
	}
}

func (d *directory) searchError(err error, seen int) error {
	switch {
	case ldap.IsErrorWithCode(err, ldap.LDAPResultNoSuchObject):
		return fmt.Errorf("base DN %q does not exist on %s", d.cfg.BaseDN, d.cfg.URL)
	case ldap.IsErrorWithCode(err, ldap.LDAPResultSizeLimitExceeded):
		return fmt.Errorf("the server stopped after %d entries at its size limit; allow the bind DN more "+
			"(OpenLDAP: limits dn.exact=\"%s\" size.prtotal=unlimited)", seen, d.cfg.BindDN)
	}
	return ldapError("searching "+d.cfg.BaseDN, err)
}

package main

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"

	"github.com/go-ldap/ldap/v3"

	"github.com/portico-hub/portico/plugins/sdk"
)

// directory is one configured LDAP server.
type directory struct {
	cfg      settings
	password string
}

// connect dials, upgrades with StartTLS when asked, and binds. Its errors
// say which of the three failed, classified for the admin.
func (d *directory) connect() (*ldap.Conn, error) {
	tlsCfg, err := d.tlsConfig()
	if err != nil {
		return nil, err
	}
	conn, err := ldap.DialURL(d.cfg.URL, ldap.DialWithDialer(&net.Dialer{Timeout: d.cfg.timeout()}),
		ldap.DialWithTLSConfig(tlsCfg))
	if err != nil {
		return nil, sdk.Unreachable(fmt.Sprintf("cannot reach %s: %v", d.cfg.URL, unwrapNet(err)))
	}
	conn.SetTimeout(d.cfg.timeout())
	if d.cfg.StartTLS {
		if err := conn.StartTLS(tlsCfg); err != nil {
			conn.Close()
			return nil, sdk.Unreachable(fmt.Sprintf("StartTLS with %s failed: %v", d.cfg.URL, err))
		}
	}
	if err := d.bind(conn); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

func (d *directory) bind(conn *ldap.Conn) error {
	var err error
	if d.cfg.BindDN == "" {
		err = conn.UnauthenticatedBind("")
	} else {
		err = conn.Bind(d.cfg.BindDN, d.password)
	}
	switch {
	case err == nil:
		return nil
	case ldap.IsErrorWithCode(err, ldap.LDAPResultInvalidCredentials):
		return sdk.Unauthorized(fmt.Sprintf("the server refused bind DN %q with this password (wrong DN or password)", d.cfg.BindDN))
	case ldap.IsErrorWithCode(err, ldap.ErrorEmptyPassword):
		return sdk.InvalidConfig(fmt.Sprintf("bind DN %q needs the secret bind_password", d.cfg.BindDN))
	case ldap.IsErrorWithCode(err, ldap.LDAPResultConfidentialityRequired):
		return sdk.InvalidConfig("the server requires an encrypted connection: use ldaps:// or start_tls")
	}
	return ldapError("bind", err)
}

func (d *directory) tlsConfig() (*tls.Config, error) {
	u, _ := url.Parse(d.cfg.URL)
	cfg := &tls.Config{ServerName: u.Hostname(), MinVersion: tls.VersionTLS12}
	if d.cfg.CACert != "" {
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM([]byte(d.cfg.CACert)) {
			return nil, sdk.InvalidConfig("ca_cert holds no PEM certificate")
		}
		cfg.RootCAs = pool
	}
	return cfg, nil
}

// ldapError classifies a failed operation: a lost connection is
// unreachable, anything else the server's own words.
func ldapError(op string, err error) error {
	switch {
	case ldap.IsErrorWithCode(err, ldap.ErrorNetwork):
		return sdk.Unreachable(fmt.Sprintf("%s: connection lost: %v", op, unwrapNet(err)))
	case ldap.IsErrorAnyOf(err, ldap.LDAPResultBusy, ldap.LDAPResultUnavailable):
		return sdk.Unreachable(fmt.Sprintf("%s: the server is busy or unavailable: %v", op, err))
	}
	return fmt.Errorf("%s: %w", op, err)
}

// unwrapNet drops go-ldap's "LDAP Result Code 200 \"Network Error\"" prefix
// so the admin reads the network's reason.
func unwrapNet(err error) error {
	var le *ldap.Error
	if errors.As(err, &le) && le.Err != nil {
		return le.Err
	}
	return err
}

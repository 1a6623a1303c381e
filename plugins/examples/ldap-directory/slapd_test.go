package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-ldap/ldap/v3"

	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

const (
	testBase     = "dc=example,dc=org"
	testAdmin    = "cn=admin," + testBase
	testAdminPW  = "admin-secret"
	testReader   = "cn=portico-reader," + testBase
	testReaderPW = "reader-secret"
	testPeople   = "ou=people," + testBase
)

// slapd is a real OpenLDAP server on a loopback port, with a throwaway
// configuration and database and none of the packaged ones.
type slapd struct {
	URL string
	// LDAPS and CA are set by startSlapdTLS: the ldaps:// URL and the PEM
	// of the CA that signed the server's certificate.
	LDAPS, CA string
}

func startSlapd(t testing.TB) *slapd {
	t.Helper()
	return launchSlapd(t, t.TempDir(), "")
}

// startSlapdTLS also serves ldaps:// and StartTLS, with a certificate for
// 127.0.0.1 from a throwaway CA.
func startSlapdTLS(t testing.TB) *slapd {
	t.Helper()
	dir := t.TempDir()
	ca := writeCertificates(t, dir)
	s := launchSlapd(t, dir, fmt.Sprintf("TLSCACertificateFile %[1]s/ca.pem\nTLSCertificateFile %[1]s/cert.pem\n"+
		"TLSCertificateKeyFile %[1]s/key.pem\n", dir))
	s.CA = ca
	return s
}

func launchSlapd(t testing.TB, dir, tlsConf string) *slapd {
	t.Helper()
	bin := sdktest.ServerBinary(t, "slapd", "slapd")
	if err := os.Mkdir(filepath.Join(dir, "db"), 0o700); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(dir, "slapd.conf")
	if err := os.WriteFile(conf, []byte(slapdConf(dir, tlsConf)), 0o600); err != nil {
		t.Fatal(err)
	}
	s := &slapd{URL: fmt.Sprintf("ldap://127.0.0.1:%d", sdktest.FreePort(t))}
	urls := s.URL + "/"
	if tlsConf != "" {
		s.LDAPS = fmt.Sprintf("ldaps://127.0.0.1:%d", sdktest.FreePort(t))
		urls += " " + s.LDAPS + "/"
	}
	logs := &sdktest.Logs{}
	// -d 0 keeps slapd in the foreground, so the test owns the process.
	cmd := exec.Command(bin, "-d", "0", "-h", urls, "-f", conf)
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() { cmd.Process.Kill(); <-exited })
	sdktest.WaitPort(t, strings.TrimPrefix(s.URL, "ldap://"), exited, logs.String)
	return s
}

// The configuration lifts the paged-results size limit (500 entries by
// default) for the importer's service account only, as an admin would;
// dbnosync spares the disk while seeding.
func slapdConf(dir, tlsConf string) string {
	return fmt.Sprintf(`include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
%[6]spidfile %[1]s/slapd.pid
modulepath /usr/lib/ldap
moduleload back_mdb
database mdb
maxsize 268435456
suffix "%[2]s"
rootdn "%[3]s"
rootpw %[4]s
directory %[1]s/db
dbnosync
index objectClass eq
limits dn.exact="%[5]s" size.prtotal=unlimited
`, dir, testBase, testAdmin, testAdminPW, testReader, tlsConf)
}

// admin returns a connection bound as the directory's root.
func (s *slapd) admin(t testing.TB) *ldap.Conn {
	t.Helper()
	conn, err := ldap.DialURL(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if err := conn.Bind(testAdmin, testAdminPW); err != nil {
		t.Fatal(err)
	}
	return conn
}

func add(t testing.TB, conn *ldap.Conn, dn string, attrs map[string][]string) {
	t.Helper()
	req := ldap.NewAddRequest(dn, nil)
	for k, v := range attrs {
		req.Attribute(k, v)
	}
	if err := conn.Add(req); err != nil {
		t.Fatalf("add %s: %v", dn, err)
	}
}

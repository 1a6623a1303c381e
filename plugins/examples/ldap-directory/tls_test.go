package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// TestEncryptedConnections checks StartTLS and ldaps:// against slapd
// with a certificate from a private CA: trusted through ca_cert, refused
// without it.
func TestEncryptedConnections(t *testing.T) {
	s := startSlapdTLS(t)
	seed(t, s, 3)
	p := startPlugin(t, buildPlugin(t))
	for i, c := range []struct {
		name, url string
		startTLS  bool
		ca, want  string
	}{
		{"StartTLS", s.URL, true, s.CA, "Connected to " + s.URL},
		{"ldaps", s.LDAPS, false, s.CA, "Connected to " + s.LDAPS},
		{"ldaps with an unknown CA", s.LDAPS, false, "", "unreachable: cannot reach " + s.LDAPS + ": tls: failed to verify certificate"},
		{"StartTLS with an unknown CA", s.URL, true, "", "unreachable: StartTLS with " + s.URL + " failed: "},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg, _ := json.Marshal(map[string]any{"url": c.url, "start_tls": c.startTLS, "ca_cert": c.ca,
				"bind_dn": testReader, "base_dn": testBase})
			ref := host.Ref{InstanceID: c.name, Revision: int64(i + 1)}
			err := p.Configure(context.Background(), sdk.Config{InstanceID: ref.InstanceID, Revision: ref.Revision,
				JSON: cfg, Secrets: readerSecrets})
			if err != nil {
				t.Fatal(err)
			}
			h, err := p.CheckHealth(context.Background(), ref)
			if err != nil || !strings.HasPrefix(h.Message, c.want) || h.OK != (c.ca != "") {
				t.Fatalf("health = %+v, %v; want %q", h, err, c.want)
			}
		})
	}
}

// writeCertificates writes a CA and a server certificate for 127.0.0.1
// signed by it into dir, and returns the CA's PEM.
func writeCertificates(t testing.TB, dir string) string {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, _ := x509.MarshalPKCS8PrivateKey(key)
	caPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER})
	for name, data := range map[string][]byte{"ca.pem": caPEM,
		"cert.pem": pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		"key.pem":  pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER})} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return string(caPEM)
}

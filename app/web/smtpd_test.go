package web_test

import (
	"io"
	"net"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/emersion/go-smtp"
)

// smtpd is a real SMTP server on a loopback port. It accepts every
// message and refuses recipients at nobody@, as a mail server refuses an
// unknown mailbox.
type smtpd struct {
	Host, Port string
	got        atomic.Int32
}

func startSMTPD(t *testing.T) *smtpd {
	t.Helper()
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	d := &smtpd{}
	d.Host, d.Port, _ = net.SplitHostPort(ln.Addr().String())
	srv := smtp.NewServer(d)
	srv.Domain = "localhost"
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return d
}

func (d *smtpd) NewSession(*smtp.Conn) (smtp.Session, error) { return &smtpSession{d: d}, nil }

type smtpSession struct{ d *smtpd }

func (s *smtpSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *smtpSession) Reset()                               {}
func (s *smtpSession) Logout() error                        { return nil }

func (s *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	if strings.HasPrefix(to, "nobody@") {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such user here"}
	}
	return nil
}

func (s *smtpSession) Data(r io.Reader) error {
	io.Copy(io.Discard, r)
	s.d.got.Add(1)
	return nil
}

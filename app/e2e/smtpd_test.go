package e2e

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// smtpd is a real SMTP server on a loopback port that keeps every
// message it receives, for tests that read email as a customer would.
// Like a real server it refuses unknown mailboxes: those at nobody@.
type smtpd struct {
	mu  sync.Mutex
	got []received
	URL string
}

// received is one message: its header and its undecoded body.
type received struct {
	header mail.Header
	body   []byte
}

func startSMTPD(t *testing.T) *smtpd {
	t.Helper()
	d := &smtpd{}
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := smtp.NewServer(d)
	srv.Domain = "localhost"
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	d.URL = "smtp://" + ln.Addr().String() + "?tls=none"
	return d
}

// count is how many messages have arrived.
func (d *smtpd) count() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.got)
}

// textTo waits for a message to address and returns its plain-text part.
func (d *smtpd) textTo(t *testing.T, address string) string {
	t.Helper()
	deadline := time.Now().Add(pageTimeout)
	for time.Now().Before(deadline) {
		if m, ok := d.find(address); ok {
			return textPart(t, m)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no email to %s reached the SMTP server (%d others did)", address, d.count())
	return ""
}

func (d *smtpd) find(address string) (received, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for i := len(d.got) - 1; i >= 0; i-- {
		if strings.Contains(d.got[i].header.Get("To"), address) {
			return d.got[i], true
		}
	}
	return received{}, false
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
	m, err := mail.ReadMessage(r)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(m.Body)
	if err != nil {
		return err
	}
	s.d.mu.Lock()
	s.d.got = append(s.d.got, received{header: m.Header, body: body})
	s.d.mu.Unlock()
	return nil
}

// textPart returns the decoded text/plain part of a multipart message.
func textPart(t *testing.T, m received) string {
	t.Helper()
	media, params, err := mime.ParseMediaType(m.header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(media, "multipart/") {
		t.Fatalf("want a multipart message, got %q (%v)", m.header.Get("Content-Type"), err)
	}
	mr := multipart.NewReader(bytes.NewReader(m.body), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err != nil {
			t.Fatalf("no text/plain part: %v", err)
		}
		if ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type")); ct == "text/plain" {
			b, _ := io.ReadAll(p)
			return string(b)
		}
	}
}

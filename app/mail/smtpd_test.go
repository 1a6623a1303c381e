package mail_test

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

	"github.com/emersion/go-smtp"
)

// smtpd is a real SMTP server on a loopback port that keeps what it
// receives, and answers some recipients with an error chosen by the test.
type smtpd struct {
	mu      sync.Mutex
	got     []*mail.Message
	refuse  map[string]*smtp.SMTPError
	URL     string
	arrived chan struct{}
}

func startSMTPD(t testing.TB) *smtpd {
	t.Helper()
	d := &smtpd{refuse: map[string]*smtp.SMTPError{}, arrived: make(chan struct{}, 100000)}
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

// setRefusal makes the server answer RCPT TO for addr with err (nil
// accepts it again).
func (d *smtpd) setRefusal(addr string, err *smtp.SMTPError) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.refuse[addr] = err
}

func (d *smtpd) messages() []*mail.Message {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]*mail.Message(nil), d.got...)
}

func (d *smtpd) NewSession(*smtp.Conn) (smtp.Session, error) { return &session{d: d}, nil }

type session struct{ d *smtpd }

func (s *session) Mail(string, *smtp.MailOptions) error { return nil }
func (s *session) Reset()                               {}
func (s *session) Logout() error                        { return nil }

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.d.mu.Lock()
	defer s.d.mu.Unlock()
	if err := s.d.refuse[to]; err != nil {
		return err
	}
	return nil
}

func (s *session) Data(r io.Reader) error {
	m, err := mail.ReadMessage(r)
	if err != nil {
		return err
	}
	body, _ := io.ReadAll(m.Body)
	m.Body = bytes.NewReader(body)
	s.d.mu.Lock()
	s.d.got = append(s.d.got, m)
	s.d.mu.Unlock()
	s.d.arrived <- struct{}{}
	return nil
}

// parts returns a received message's decoded parts by media type.
func parts(t *testing.T, m *mail.Message) map[string]string {
	t.Helper()
	media, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(media, "multipart/") {
		t.Fatalf("want a multipart message, got %q (%v)", m.Header.Get("Content-Type"), err)
	}
	out := map[string]string{}
	mr := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		out[ct] = string(b)
	}
}

package testkit

import (
	"io"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"
)

// SMTP is a real SMTP server on a loopback port (go-smtp) that keeps
// every message it receives. Like a real server it refuses unknown
// mailboxes, those at nobody@, and a test may refuse more with Refuse.
type SMTP struct {
	// URL is the server as PORTICO_SMTP_URL names it, without TLS.
	URL        string
	Host, Port string
	// Arrived receives once per message accepted.
	Arrived chan struct{}

	mu     sync.Mutex
	got    []Message
	refuse map[string]*smtp.SMTPError
}

// NoSuchUser is how the server refuses an unknown mailbox.
var NoSuchUser = &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such user here"}

// StartSMTP starts a server that stops when the test ends.
func StartSMTP(t testing.TB) *SMTP {
	t.Helper()
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	d := &SMTP{refuse: map[string]*smtp.SMTPError{}, Arrived: make(chan struct{}, 100000)}
	d.Host, d.Port, _ = net.SplitHostPort(ln.Addr().String())
	d.URL = "smtp://" + ln.Addr().String() + "?tls=none"
	srv := smtp.NewServer(backend{d})
	srv.Domain = "localhost"
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return d
}

// Refuse makes the server answer RCPT TO for addr with err; nil accepts
// it again.
func (d *SMTP) Refuse(addr string, err *smtp.SMTPError) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.refuse[addr] = err
}

// Messages returns what arrived so far, oldest first.
func (d *SMTP) Messages() []Message {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]Message(nil), d.got...)
}

// Find returns the latest message whose To names address.
func (d *SMTP) Find(address string) (Message, bool) {
	got := d.Messages()
	for i := len(got) - 1; i >= 0; i-- {
		if strings.Contains(got[i].Header.Get("To"), address) {
			return got[i], true
		}
	}
	return Message{}, false
}

func (d *SMTP) refusal(to string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.refuse[to]; err != nil {
		return err
	}
	if strings.HasPrefix(to, "nobody@") {
		return NoSuchUser
	}
	return nil
}

func (d *SMTP) keep(m Message) {
	d.mu.Lock()
	d.got = append(d.got, m)
	d.mu.Unlock()
	d.Arrived <- struct{}{}
}

type backend struct{ d *SMTP }

func (b backend) NewSession(*smtp.Conn) (smtp.Session, error) { return session(b), nil }

type session struct{ d *SMTP }

func (s session) Mail(string, *smtp.MailOptions) error      { return nil }
func (s session) Rcpt(to string, _ *smtp.RcptOptions) error { return s.d.refusal(to) }
func (s session) Reset()                                    {}
func (s session) Logout() error                             { return nil }

func (s session) Data(r io.Reader) error {
	m, err := mail.ReadMessage(r)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(m.Body)
	if err != nil {
		return err
	}
	s.d.keep(Message{Header: m.Header, Body: body})
	return nil
}

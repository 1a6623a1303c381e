package mail

import (
	"context"
	"errors"
	"fmt"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/model"
)

// smtpConn is one open connection to the SMTP server, used for every
// batch of a delivery run.
type smtpConn struct{ client *gomail.Client }

// dial connects and authenticates to server s.
func (d *Deliverer) dial(ctx context.Context, s *config.SMTP) (*smtpConn, error) {
	c, err := dialSMTP(ctx, s, d.Timeout)
	if err != nil {
		return nil, err
	}
	return &smtpConn{client: c}, nil
}

// dialSMTP opens a connection to server s, with STARTTLS required unless
// it says otherwise, and signs in when it has a user name.
func dialSMTP(ctx context.Context, s *config.SMTP, timeout time.Duration) (*gomail.Client, error) {
	opts := []gomail.Option{gomail.WithPort(s.Port), gomail.WithTimeout(timeout)}
	switch s.TLS {
	case config.TLSImplicit:
		opts = append(opts, gomail.WithSSL())
	case config.TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if s.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover), gomail.WithUsername(s.Username), gomail.WithPassword(s.Password))
	}
	c, err := gomail.NewClient(s.Host, opts...)
	if err != nil {
		return nil, fmt.Errorf("SMTP server %s: %w", s.Addr(), err)
	}
	if err := c.DialWithContext(ctx); err != nil {
		return nil, fmt.Errorf("could not connect to the SMTP server %s: %w", s.Addr(), err)
	}
	return c, nil
}

func (c *smtpConn) close() {
	if c != nil {
		c.client.Close()
	}
}

// send hands a batch to the server. A 5xx answer fails that email for
// good; anything else (4xx, a dropped connection) is retried later. It
// reports whether the connection broke, so the next batch dials again.
func (c *smtpConn) send(d *Deliverer, batch []model.Mail) (out []model.MailOutcome, broken bool) {
	out = make([]model.MailOutcome, len(batch))
	msgs := make([]*gomail.Msg, 0, len(batch))
	idx := make([]int, 0, len(batch))
	for i, m := range batch {
		msg, err := d.message(m)
		if err != nil {
			out[i] = model.MailOutcome{ID: m.ID, State: model.MailFailed, Error: err.Error()}
			continue
		}
		msgs, idx = append(msgs, msg), append(idx, i)
	}
	if len(msgs) == 0 {
		return out, false
	}
	err := c.client.Send(msgs...)
	nothingSent := err != nil && noneFailed(msgs)
	for k, msg := range msgs {
		m := batch[idx[k]]
		switch {
		case nothingSent:
			out[idx[k]], broken = d.retry(m, err.Error()), true
		case msg.HasSendError():
			out[idx[k]] = d.judge(m, msg.SendError())
			broken = broken || code(msg.SendError()) == 0
		default:
			out[idx[k]] = model.MailOutcome{ID: m.ID, State: model.MailSent, Transport: model.TransportSMTP}
		}
	}
	return out, broken
}

// noneFailed reports that no message has an error of its own, which is
// how Send tells that the connection failed before any message went.
func noneFailed(msgs []*gomail.Msg) bool {
	for _, m := range msgs {
		if m.HasSendError() {
			return false
		}
	}
	return true
}

// judge turns a message's send error into a failure or a retry.
func (d *Deliverer) judge(m model.Mail, err error) model.MailOutcome {
	if code(err) >= 500 {
		return model.MailOutcome{ID: m.ID, State: model.MailFailed, Error: "The server refused the message: " + err.Error()}
	}
	return d.retry(m, err.Error())
}

// code is the SMTP reply code of a send error, or 0 when the server gave
// none (a network error).
func code(err error) int {
	var se *gomail.SendError
	if errors.As(err, &se) {
		return se.ErrorCode()
	}
	return 0
}

package mail

import (
	"context"
	"log/slog"
	netmail "net/mail"
	"time"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Deliverer is the handler of the mail.deliver job. A run claims due
// emails a batch at a time and sends them all over one SMTP connection,
// until the outbox has nothing due; then it books the next run for the
// next retry. Claims are leased, so a message whose sender died is sent
// again later: never lost, at worst sent twice with one Message-ID.
type Deliverer struct {
	Store *store.Store
	Log   *slog.Logger
	// SMTP is the environment's server; without it each run uses Admin >
	// Email's, if any, and nil keeps email in the built-in mailbox.
	SMTP        *config.SMTP
	From        *netmail.Address
	Batch       int           // emails claimed at a time
	Lease       time.Duration // how long a claim holds an email
	MaxAttempts int           // tries before an email fails for good
	Timeout     time.Duration // of each SMTP command
}

// NewDeliverer returns a deliverer with sensible defaults: batches of
// 100, five-minute claims, eight attempts over about four hours.
func NewDeliverer(st *store.Store, log *slog.Logger, smtp *config.SMTP, from *netmail.Address) *Deliverer {
	return &Deliverer{Store: st, Log: log, SMTP: smtp, From: from, Batch: 100, Lease: 5 * time.Minute,
		MaxAttempts: 8, Timeout: 30 * time.Second}
}

// Register makes r run the deliverer for mail.deliver jobs.
func (d *Deliverer) Register(r *jobs.Runner) { r.Handle(store.DeliverJobKind, d.Handle) }

// Handle empties the outbox of what is due now. It reads the server
// settings again for every batch, so an admin's change in Admin > Email
// applies to the next batch even while a run goes on.
func (d *Deliverer) Handle(ctx context.Context, task *jobs.Task) error {
	var conn *smtpConn
	var used config.SMTP
	defer func() { conn.close() }()
	var total Tally
	for ctx.Err() == nil {
		batch, err := d.Store.ClaimEmails(ctx, d.Batch, d.Lease)
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			return d.Store.ScheduleNextDelivery(ctx)
		}
		srv, _, err := Servers{Store: d.Store, Env: d.SMTP}.Current(ctx)
		if err != nil {
			return err
		}
		if conn != nil && (srv == nil || *srv != used) {
			conn.close() // the settings changed: the next batch dials the new server
			conn = nil
		}
		if srv != nil {
			used = *srv
		}
		outcomes := d.send(ctx, srv, &conn, batch)
		if err := d.Store.FinishEmails(context.WithoutCancel(ctx), outcomes); err != nil {
			return err
		}
		total.Add(outcomes)
		if err := task.Save(ctx, total.JSON(), ""); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// send delivers one batch through srv and says how each email's attempt
// ended; without a server the batch stays in the mailbox.
func (d *Deliverer) send(ctx context.Context, srv *config.SMTP, conn **smtpConn, batch []model.Mail) []model.MailOutcome {
	if srv == nil {
		out := make([]model.MailOutcome, len(batch))
		for i, m := range batch {
			out[i] = model.MailOutcome{ID: m.ID, State: model.MailSent, Transport: model.TransportMailbox}
		}
		return out
	}
	if *conn == nil {
		c, err := d.dial(ctx, srv)
		if err != nil {
			return d.retryAll(batch, err)
		}
		*conn = c
	}
	out, broken := (*conn).send(d, batch)
	if broken {
		(*conn).close()
		*conn = nil
	}
	return out
}

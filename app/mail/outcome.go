package mail

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// Tally counts a delivery run's outcomes, for the job's progress; the
// outbox's channel delivery counts the same way.
type Tally struct {
	Sent     int `json:"sent"`
	Failed   int `json:"failed"`
	Retrying int `json:"retrying"`
}

// Add counts outcomes.
func (t *Tally) Add(outcomes []model.MailOutcome) {
	for _, o := range outcomes {
		switch o.State {
		case model.MailSent:
			t.Sent++
		case model.MailFailed:
			t.Failed++
		default:
			t.Retrying++
		}
	}
}

// JSON is the count as the job saves it.
func (t *Tally) JSON() string {
	b, _ := json.Marshal(t)
	return string(b)
}

// retryAll puts a whole batch back, as when the server cannot be reached.
func (d *Deliverer) retryAll(batch []model.Mail, err error) []model.MailOutcome {
	out := make([]model.MailOutcome, len(batch))
	for i, m := range batch {
		out[i] = d.retry(m, err.Error())
	}
	return out
}

// retry queues an email again after a growing pause: one minute, then
// doubling up to two hours; past MaxAttempts it fails for good.
func (d *Deliverer) retry(m model.Mail, msg string) model.MailOutcome {
	if m.Attempts >= d.MaxAttempts {
		return model.MailOutcome{ID: m.ID, State: model.MailFailed, Error: fmt.Sprintf("Gave up after %d attempts: %s", m.Attempts, msg)}
	}
	wait := min(time.Minute<<min(m.Attempts-1, 10), 2*time.Hour)
	return model.MailOutcome{ID: m.ID, State: model.MailQueued, Error: msg, RetryAt: d.Store.Now().Add(wait)}
}

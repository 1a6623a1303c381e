package activation

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
)

// ForgotJobKind is the kind of the job that answers "forgot my
// password" and "send me a new link" in the background.
const ForgotJobKind = "activation.forgot"

type forgotPayload struct {
	Email string `json:"email"`
}

// ForgotJob is the job that answers a request for a link to email. The
// request only queues it: one and the same write whether or not the
// address is known, so the answer takes as long either way and tells
// nothing. Looking the address up and sending happen in the job.
func ForgotJob(email string) model.NewJob {
	pl, _ := json.Marshal(forgotPayload{Email: email})
	return model.NewJob{Kind: ForgotJobKind, Payload: string(pl), MaxAttempts: 3}
}

// RegisterForgot makes the runner answer the queued requests for links.
func RegisterForgot(r *jobs.Runner, s *Service) { r.Handle(ForgotJobKind, s.runForgot) }

func (s *Service) runForgot(ctx context.Context, t *jobs.Task) error {
	var pl forgotPayload
	if err := json.Unmarshal([]byte(t.Job.Payload), &pl); err != nil {
		return jobs.Permanent{Err: fmt.Errorf("activation: payload of job %d: %w", t.Job.ID, err)}
	}
	return s.Forgot(ctx, pl.Email)
}

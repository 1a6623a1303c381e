package web

import "github.com/portico-hub/portico/app/model"

// Counting reports a send that has not counted its contacts yet: it
// waits, or runs its first count. Its bar has no value until then.
func (p bulkPage) Counting() bool { return !p.Job.State.Finished() && p.Total == 0 }

// Percent is how far the send is, for the progress bar.
func (p bulkPage) Percent() int {
	if p.Total == 0 {
		return 0
	}
	return min(100, p.Done()*100/p.Total)
}

// Left counts the contacts a stopped send did not get to: they were not
// emailed.
func (p bulkPage) Left() int { return max(0, p.Total-p.Done()) }

// Heading says where the send stands. The send queues emails in the
// outbox, which delivers them (or keeps them, without SMTP), so "queued"
// is what it did, not "sent".
func (p bulkPage) Heading() string {
	switch {
	case p.Job.State == model.JobDone:
		return "Activation emails queued"
	case p.Job.State == model.JobCancelled:
		return "Activation emails cancelled"
	case p.Job.State == model.JobFailed:
		return "Activation emails stopped by an error"
	case p.Job.Cancel:
		return "Cancelling the activation emails"
	}
	return "Queuing activation emails"
}

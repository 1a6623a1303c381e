package web

import "github.com/portico-hub/portico/app/model"

// Counting reports a change that has not counted its contacts yet.
func (p bulkJobPage) Counting() bool { return !p.Job.State.Finished() && p.Total == 0 }

// Percent is how far the change is, for the progress bar.
func (p bulkJobPage) Percent() int {
	if p.Total == 0 {
		return 0
	}
	return min(100, p.Done()*100/p.Total)
}

// Left counts the contacts a stopped change did not get to.
func (p bulkJobPage) Left() int { return max(0, p.Total-p.Done()) }

// Summary says what the change did: "12 tagged “vip”; 3 skipped
// (already tagged)".
func (p bulkJobPage) Summary() string { return p.Result.Summary(&p.Request) }

// Heading says where the change stands.
func (p bulkJobPage) Heading() string {
	switch {
	case p.Job.State == model.JobDone:
		return "Contacts changed"
	case p.Job.State == model.JobCancelled:
		return "Change cancelled"
	case p.Job.State == model.JobFailed:
		return "Change stopped by an error"
	case p.Job.Cancel:
		return "Cancelling the change"
	}
	return "Changing contacts"
}

// Back is the list the change was made to.
func (p bulkJobPage) Back() string { return contactListPage{Query: p.Request.Query}.URL() }

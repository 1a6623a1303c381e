package model

import "time"

// JobState is where a background job is in its life.
type JobState string

const (
	JobQueued    JobState = "queued"
	JobRunning   JobState = "running"
	JobDone      JobState = "done"
	JobFailed    JobState = "failed"
	JobCancelled JobState = "cancelled"
)

// Finished reports whether the job will never run again.
func (s JobState) Finished() bool { return s == JobDone || s == JobFailed || s == JobCancelled }

// Job is one piece of durable background work.
type Job struct {
	ID          int64
	Kind        string
	Singleton   string
	Payload     string // JSON, owned by the job's kind
	State       JobState
	Checkpoint  string // where a resumed run picks up, owned by the kind
	Progress    string // JSON, owned by the kind, shown to people
	Attempts    int
	MaxAttempts int
	RunAt       time.Time
	LeaseOwner  string
	LeaseUntil  *time.Time
	Cancel      bool
	Error       string
	CreatedBy   int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
	FinishedAt  *time.Time
}

// NewJob is what Enqueue needs.
type NewJob struct {
	Kind        string
	Singleton   string
	Payload     string
	MaxAttempts int
	RunAt       time.Time
	CreatedBy   int64
}

// MayCancel reports whether an agent may cancel a job an agent started:
// admins, and the agent who started it.
func (j *Job) MayCancel(a *Agent) bool {
	return a != nil && (a.IsAdmin() || (j.CreatedBy != 0 && a.ID == j.CreatedBy))
}

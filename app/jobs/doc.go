// Package jobs runs durable background work: imports, exports, bulk
// emails. A job is a row in the jobs table. A worker leases it, renews the
// lease with heartbeats while it runs, and records a checkpoint with its
// progress, so a job whose process died is picked up by the next worker
// and resumes where it stopped. Nothing is ever stuck: a lease runs out.
//
// It imports model and store only; the kinds of job register handlers.
package jobs

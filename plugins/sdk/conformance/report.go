package conformance

import (
	"fmt"
	"io"
	"time"
)

// Check is one named step and its outcome.
type Check struct {
	Name string
	Err  error
	Took time.Duration
}

// Report lists the checks that ran, in order; it stops at the first failure
// of a step later steps depend on.
type Report struct {
	Plugin string
	Checks []Check
}

// Failed reports whether any check failed.
func (r *Report) Failed() bool {
	for _, c := range r.Checks {
		if c.Err != nil {
			return true
		}
	}
	return false
}

// Write prints one line per check.
func (r *Report) Write(w io.Writer) {
	for _, c := range r.Checks {
		if c.Err != nil {
			fmt.Fprintf(w, "FAIL %-22s %v\n", c.Name, c.Err)
			continue
		}
		fmt.Fprintf(w, "ok   %-22s %s\n", c.Name, c.Took.Round(time.Millisecond))
	}
}

// step runs f as the check name and records it; it reports success.
func (r *Report) step(name string, f func() error) bool {
	start := time.Now()
	err := f()
	r.Checks = append(r.Checks, Check{Name: name, Err: err, Took: time.Since(start)})
	return err == nil
}

package webhooks

import (
	"math/rand/v2"
	"time"
)

// Schedule is the wait before each attempt of a delivery: the first goes
// at once, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h. A
// delivery whose last attempt fails is failed; an admin can resend it.
var Schedule = []time.Duration{0, 5 * time.Second, 5 * time.Minute, 30 * time.Minute,
	2 * time.Hour, 5 * time.Hour, 10 * time.Hour, 10 * time.Hour}

// RetryWindow is how long a delivery is retried: the sum of Schedule,
// before the random tenth each wait may add.
func RetryWindow() time.Duration {
	var total time.Duration
	for _, d := range Schedule {
		total += d
	}
	return total
}

// DisableAfter is how long an endpoint may fail without one success
// before it is disabled and the admins are told.
const DisableAfter = 5 * 24 * time.Hour

// nextAttempt returns when the attempt after attempt n (1-based) is due,
// or the zero time when n was the last. Up to a tenth of the wait is
// added at random, so retries of many deliveries spread out instead of
// hitting a recovering receiver all at once.
func nextAttempt(n int, now time.Time) time.Time {
	if n >= len(Schedule) {
		return time.Time{}
	}
	d := Schedule[n]
	return now.Add(d + rand.N(d/10+1))
}

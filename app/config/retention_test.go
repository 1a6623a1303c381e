package config

import (
	"flag"
	"strings"
	"testing"
	"time"
)

// TestConfigEventRetention reads the retention from the flag or the
// environment, 30 days by default, and refuses one under an hour.
func TestConfigEventRetention(t *testing.T) {
	cases := []struct {
		env, flag string
		want      time.Duration
		bad       string
	}{
		{"", "", 30 * 24 * time.Hour, ""},
		{"2160h", "", 90 * 24 * time.Hour, ""},
		{"2160h", "48h", 48 * time.Hour, ""},
		{"a month", "", 0, "PORTICO_EVENT_RETENTION"},
		{"", "30m", 0, "event-retention 30m0s: want at least 1h"},
	}
	for _, tc := range cases {
		t.Run(tc.env+" "+tc.flag, func(t *testing.T) {
			if tc.env != "" {
				t.Setenv("PORTICO_EVENT_RETENTION", tc.env)
			}
			c := Default()
			fs := flag.NewFlagSet("serve", flag.ContinueOnError)
			c.Register(fs)
			var args []string
			if tc.flag != "" {
				args = []string{"-event-retention", tc.flag}
			}
			if err := fs.Parse(args); err != nil {
				t.Fatal(err)
			}
			err := c.Validate()
			if tc.bad != "" {
				if err == nil || !strings.Contains(err.Error(), tc.bad) {
					t.Errorf("error %v, want one naming %q", err, tc.bad)
				}
				return
			}
			if err != nil || c.EventRetention != tc.want {
				t.Errorf("%s, %v; want %s", c.EventRetention, err, tc.want)
			}
		})
	}
}

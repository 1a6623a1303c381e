package importfile

import "strings"

// flagWords are the values a yes-or-no column takes: Freshdesk exports
// true and false, and people type yes and no.
var flagWords = map[string]bool{
	"true": true, "yes": true, "y": true, "1": true, "on": true, "예": true,
	"false": false, "no": false, "n": false, "0": false, "off": false, "아니요": false, "아니오": false,
}

// flagProblem is the message for a yes-or-no cell that is neither.
const flagProblem = "Write true or false (yes or no also work)."

// parseFlag reads a yes-or-no cell: nil for a blank cell, ok false for
// one that is neither yes nor no.
func parseFlag(v string) (flag *bool, ok bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	if v == "" {
		return nil, true
	}
	on, ok := flagWords[v]
	if !ok {
		return nil, false
	}
	return &on, true
}

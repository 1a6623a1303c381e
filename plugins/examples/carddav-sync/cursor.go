package main

import (
	"encoding/json"

	"github.com/portico-hub/portico/plugins/sdk"
)

// cursor is where a pull resumes. Token is the sync token the pull started
// from ("" for everything). Within a pull, Next is the token the server
// gave for the end of it and After the last card sent: a resumed pull asks
// again from Token, skips the cards up to After and ends with Next, so
// nothing is sent twice and changes made meanwhile come with the next pull.
type cursor struct {
	Token string `json:"token"`
	Next  string `json:"next,omitempty"`
	After string `json:"after,omitempty"`
}

func parseCursor(s string) (cursor, error) {
	var c cursor
	if s == "" {
		return c, nil
	}
	if err := json.Unmarshal([]byte(s), &c); err != nil || (c.Token == "" && c.Next == "") {
		return c, sdk.InvalidCursor("the cursor is not one this connector made; pull everything again")
	}
	return c, nil
}

func (c cursor) String() string {
	b, _ := json.Marshal(c)
	return string(b)
}

package main

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
)

// defaultRetry is the wait suggested when a busy gateway names none.
const defaultRetry = 30 * time.Second

// classify reads Kannel's answer to sendsms: 202 "0: Accepted for
// delivery" or "3: Queued for later delivery" (no SMSC connected yet:
// Kannel keeps it and sends it later) accept the message; the rest fail
// with a kind the host acts on.
func classify(status int, body string) error {
	switch {
	case status == http.StatusAccepted || status == http.StatusOK:
		return nil
	case status == http.StatusForbidden || status == http.StatusUnauthorized:
		return sdk.Unauthorized("Kannel refuses the username or password: " + body)
	case status == http.StatusBadRequest && (strings.Contains(body, "receiver") || strings.Contains(body, "denied")):
		return sdk.InvalidAddress("Kannel refuses this number: " + body)
	case status >= 500:
		return sdk.Temporary(fmt.Sprintf("Kannel answered %d: %s", status, body))
	}
	return sdk.Permanent(fmt.Sprintf("Kannel answered %d: %s", status, body))
}

// busy turns 429 (a gateway or proxy limiting the rate) and 503 (Kannel's
// "Sending failed." while overloaded) into rate_limited and temporary,
// with the Retry-After the gateway gave.
func busy(resp *http.Response) error {
	after := defaultRetry
	if s, err := strconv.Atoi(strings.TrimSpace(resp.Header.Get("Retry-After"))); err == nil && s >= 0 {
		after = time.Duration(s) * time.Second
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		return sdk.RateLimited("Kannel asks to slow down", after)
	}
	return &sdk.Error{Kind: sdk.ErrTemporary, Message: "Kannel cannot send now (503)", RetryAfter: after}
}

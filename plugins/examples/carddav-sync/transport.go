package main

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
)

// serverDownRetry is when to try again after the server could not be
// reached and said nothing about when.
const serverDownRetry = 30 * time.Second

// davHTTP signs every request and turns the answers that concern the whole
// connection into classified errors before go-webdav sees them: a refused
// password, a refused sync token, a server that is down or busy. Item
// answers (404, 412, 400) pass through for the caller to judge.
type davHTTP struct {
	client     *http.Client
	user, pass string
}

func (d *davHTTP) Do(req *http.Request) (*http.Response, error) {
	req.SetBasicAuth(d.user, d.pass)
	resp, err := d.client.Do(req)
	if err != nil {
		if ctxErr := req.Context().Err(); ctxErr != nil {
			return nil, ctxErr
		}
		return nil, &sdk.Error{Kind: sdk.ErrUnreachable, Message: fmt.Sprintf("cannot reach %s: %v", req.URL.Host, rootCause(err)),
			RetryAfter: serverDownRetry}
	}
	if e := classify(req, resp, d.user); e != nil {
		resp.Body.Close()
		return nil, e
	}
	return resp, nil
}

func classify(req *http.Request, resp *http.Response, user string) error {
	switch code := resp.StatusCode; {
	case code == http.StatusUnauthorized:
		return sdk.Unauthorized(fmt.Sprintf("%s refused the password of user %q (401); if it was changed, "+
			"enter the new one in the connector's settings", req.URL.Host, user))
	case code == http.StatusForbidden:
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		if strings.Contains(string(body), "valid-sync-token") {
			return sdk.InvalidCursor("the server no longer knows the sync token; pull everything again")
		}
		return sdk.Unauthorized(fmt.Sprintf("user %q may not %s %s (403)", user, req.Method, req.URL.Path))
	case code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable:
		return sdk.RateLimited(fmt.Sprintf("%s is busy (%d)", req.URL.Host, code), retryAfter(resp))
	case code >= 500:
		return &sdk.Error{Kind: sdk.ErrUnreachable, Message: fmt.Sprintf("%s failed with %s on %s %s", req.URL.Host,
			resp.Status, req.Method, req.URL.Path), RetryAfter: serverDownRetry}
	}
	return nil
}

// retryAfter reads Retry-After in seconds; a date or nothing means a minute.
func retryAfter(resp *http.Response) time.Duration {
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	return time.Minute
}

func rootCause(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

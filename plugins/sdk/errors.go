package sdk

import (
	"errors"
	"fmt"
	"time"
)

// ErrorKind classifies a failed call so the host can react without parsing
// messages: ask the admin, retry later, reconfigure or restart an import.
type ErrorKind string

// The error kinds of protocol v1, spelt as on the wire.
const (
	ErrInvalidConfig  ErrorKind = "invalid_config"
	ErrUnauthorized   ErrorKind = "unauthorized"
	ErrUnreachable    ErrorKind = "unreachable"
	ErrRateLimited    ErrorKind = "rate_limited"
	ErrNotConfigured  ErrorKind = "not_configured"
	ErrInvalidCursor  ErrorKind = "invalid_cursor"
	ErrInvalidRequest ErrorKind = "invalid_request"
	ErrInternal       ErrorKind = "internal"
)

// Error is a classified plugin error. Plugins return it (or wrap it); the
// host gets it back with the same kind, message and retry hint.
type Error struct {
	Kind       ErrorKind
	Message    string
	RetryAfter time.Duration
}

func (e *Error) Error() string {
	if e.RetryAfter > 0 {
		return fmt.Sprintf("%s: %s (retry after %s)", e.Kind, e.Message, e.RetryAfter)
	}
	return fmt.Sprintf("%s: %s", e.Kind, e.Message)
}

// Is makes errors.Is(err, &Error{Kind: k}) match on the kind alone.
func (e *Error) Is(target error) bool {
	var t *Error
	return errors.As(target, &t) && t.Message == "" && t.Kind == e.Kind
}

// KindOf returns the kind of a classified error, or ErrInternal.
func KindOf(err error) ErrorKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return ErrInternal
}

// InvalidConfig reports a configuration the admin must fix.
func InvalidConfig(msg string) error { return &Error{Kind: ErrInvalidConfig, Message: msg} }

// Unauthorized reports credentials the remote system refused.
func Unauthorized(msg string) error { return &Error{Kind: ErrUnauthorized, Message: msg} }

// Unreachable reports a remote system that cannot be reached now.
func Unreachable(msg string) error { return &Error{Kind: ErrUnreachable, Message: msg} }

// RateLimited reports a remote system asking to wait before the next call.
func RateLimited(msg string, after time.Duration) error {
	return &Error{Kind: ErrRateLimited, Message: msg, RetryAfter: after}
}

// InvalidCursor reports a cursor that cannot be resumed.
func InvalidCursor(msg string) error { return &Error{Kind: ErrInvalidCursor, Message: msg} }

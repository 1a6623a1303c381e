package model

import (
	"errors"
	"sort"
	"strings"
)

// Sentinel errors shared by the store, the domain packages and the web layer.
// The web layer's single error handler maps them to HTTP statuses.
var (
	ErrNotFound     = errors.New("not found")
	ErrConflict     = errors.New("conflict")
	ErrForbidden    = errors.New("forbidden")
	ErrUnauthorized = errors.New("unauthorized")
)

// ValidationError carries a message per form field, so a form can be shown
// again with each message beside its field.
type ValidationError struct {
	Fields map[string]string
}

// Invalid starts a ValidationError with one field message.
func Invalid(field, msg string) *ValidationError {
	return &ValidationError{Fields: map[string]string{field: msg}}
}

// Add records a message for field unless it already has one, so the first
// problem found is the one shown.
func (v *ValidationError) Add(field, msg string) {
	if v.Fields == nil {
		v.Fields = map[string]string{}
	}
	if _, ok := v.Fields[field]; !ok {
		v.Fields[field] = msg
	}
}

// Err returns v as an error, or nil when no field has a message.
func (v *ValidationError) Err() error {
	if v == nil || len(v.Fields) == 0 {
		return nil
	}
	return v
}

func (v *ValidationError) Error() string {
	keys := make([]string, 0, len(v.Fields))
	for k := range v.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + v.Fields[k]
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// EmailTakenError says which contact or agent already holds an address, so
// the UI can link to it.
type EmailTakenError struct {
	Email     string
	ContactID int64 // zero when an agent holds it
	Name      string
}

func (e *EmailTakenError) Error() string { return "email " + e.Email + " is already taken" }

// Is makes errors.Is(err, ErrConflict) true for a taken address.
func (e *EmailTakenError) Is(target error) bool { return target == ErrConflict }

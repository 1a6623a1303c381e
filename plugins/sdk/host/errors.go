package host

import (
	"fmt"
	"strings"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/portico-hub/portico/plugins/sdk"
)

// VersionError says that a plugin and this host share no protocol version.
// It names the plugin and both sides' versions, so an admin knows whether to
// upgrade Portico or the plugin.
type VersionError struct {
	Plugin         string
	PluginVersions []int
	HostVersions   []int
}

func (e *VersionError) Error() string {
	return fmt.Sprintf("plugin %s speaks plugin protocol version %v, this Portico host speaks %v: "+
		"install a plugin release built for protocol %v", e.Plugin, e.PluginVersions, e.HostVersions, e.HostVersions)
}

// StartError is a plugin that could not be started.
type StartError struct {
	Plugin     string
	Reason     string
	StderrTail string
	Err        error
	// Handshake is set when the plugin broke the handshake (it wrote to
	// stdout first, or wrote nothing in time): starting it again would
	// fail the same way.
	Handshake bool
}

func (e *StartError) Error() string {
	return fmt.Sprintf("plugin %s: %s%s", e.Plugin, e.Reason, tail(e.StderrTail))
}

func (e *StartError) Unwrap() error { return e.Err }

// CallError is a failed call to a plugin. Kind is set when the plugin
// classified the error; Exited when the plugin process is gone.
type CallError struct {
	Plugin     string
	Method     string
	Code       codes.Code
	Kind       sdk.ErrorKind
	Message    string
	RetryAfter time.Duration
	Exited     bool
	StderrTail string
}

func (e *CallError) Error() string {
	what := e.Message
	if e.Kind != "" {
		what = string(e.Kind) + ": " + what
	}
	if e.Exited {
		return fmt.Sprintf("plugin %s: %s: the plugin process exited (%s)%s", e.Plugin, e.Method, what, tail(e.StderrTail))
	}
	return fmt.Sprintf("plugin %s: %s: %s", e.Plugin, e.Method, what)
}

// GRPCStatus lets status.Code(err) see the call's code.
func (e *CallError) GRPCStatus() *status.Status { return status.New(e.Code, e.Message) }

// Unwrap exposes the plugin's classification, for errors.Is with sdk.Error.
func (e *CallError) Unwrap() error {
	if e.Kind == "" {
		return nil
	}
	return &sdk.Error{Kind: e.Kind, Message: e.Message, RetryAfter: e.RetryAfter}
}

func tail(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	return "; its last output on stderr:\n" + s
}

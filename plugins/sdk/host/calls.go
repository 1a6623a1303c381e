package host

import (
	"context"
	"errors"
	"strconv"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/internal/wire"
)

// callError describes a failed call: the plugin's classification from the
// trailer, or the transport's code, with the stderr tail once it exited.
func (p *Plugin) callError(method string, err error, trailer metadata.MD) error {
	st := status.Convert(err)
	e := &CallError{Plugin: p.manifest.Label(), Method: method, Code: st.Code(), Message: st.Message()}
	if errors.Is(err, context.DeadlineExceeded) {
		e.Code = codes.DeadlineExceeded
	}
	if kinds := trailer.Get(wire.ErrorKindKey); len(kinds) > 0 {
		e.Kind = sdk.ErrorKind(kinds[0])
	}
	if ms := trailer.Get(wire.RetryAfterKey); len(ms) > 0 {
		n, _ := strconv.ParseInt(ms[0], 10, 64)
		e.RetryAfter = time.Duration(n) * time.Millisecond
	}
	if e.Code == codes.Unavailable && e.Kind == "" {
		e.Exited = p.waitExited()
		e.StderrTail = p.stderr.String()
	}
	return e
}

// waitExited gives a crashed process a moment to be reaped, so the error
// can say whether it is gone rather than just unreachable.
func (p *Plugin) waitExited() bool {
	for range 20 {
		if p.client.Exited() {
			return true
		}
		time.Sleep(25 * time.Millisecond)
	}
	return p.client.Exited()
}

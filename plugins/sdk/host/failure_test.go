package host_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/internal/fixture"
)

var ref = host.Ref{InstanceID: "one", Revision: 1}

func configured(t *testing.T, script string, cfg host.Config) *host.Plugin {
	t.Helper()
	p, err := start(t, fixture.TestPlugin(t, script), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Configure(context.Background(), sdk.Config{InstanceID: "one", Revision: 1}); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCrashMidStreamIsUnavailableAndTheProcessIsGone(t *testing.T) {
	p := configured(t, "exec \"$BIN\" crash", host.Config{})
	var got int
	err := p.Import(context.Background(), host.ImportRequest{Ref: ref}, func(b sdk.Batch) error {
		got += len(b.Records)
		return nil
	})
	if status.Code(err) != codes.Unavailable {
		t.Fatalf("want Unavailable, got %v", err)
	}
	var ce *host.CallError
	if !errors.As(err, &ce) || !ce.Exited || !strings.Contains(err.Error(), "the plugin process exited") {
		t.Errorf("want the error to say the process exited, got %v", err)
	}
	if got != 2 || !p.Exited() {
		t.Errorf("got %d records, exited %v; want the 2 records sent before the crash and the process gone", got, p.Exited())
	}
	if p.Ping() == nil {
		t.Error("Ping succeeds on a crashed plugin")
	}
}

func TestHangingCallsHitTheirDeadline(t *testing.T) {
	p := configured(t, "exec \"$BIN\" hang", host.Config{CallTimeout: 300 * time.Millisecond, BatchTimeout: 300 * time.Millisecond})
	_, err := p.CheckHealth(context.Background(), ref)
	if status.Code(err) != codes.DeadlineExceeded {
		t.Errorf("CheckHealth: want DeadlineExceeded, got %v", err)
	}
	err = p.Import(context.Background(), host.ImportRequest{Ref: ref}, func(sdk.Batch) error { return nil })
	if status.Code(err) != codes.DeadlineExceeded || !strings.Contains(err.Error(), "no batch within 300ms") {
		t.Errorf("Import: want DeadlineExceeded naming the batch timeout, got %v", err)
	}
	if p.Exited() || p.Ping() != nil {
		t.Error("the hanging plugin should still be running and answering health checks")
	}
}

func TestPluginErrorsKeepTheirKind(t *testing.T) {
	p := configured(t, "exec \"$BIN\"", host.Config{})
	_, err := p.CheckHealth(context.Background(), host.Ref{InstanceID: "one", Revision: 2})
	if !errors.Is(err, &sdk.Error{Kind: sdk.ErrNotConfigured}) || status.Code(err) != codes.FailedPrecondition {
		t.Fatalf("want not_configured / FailedPrecondition, got %v", err)
	}
	if !strings.Contains(err.Error(), `instance "one" has configuration revision 1, not 2`) {
		t.Errorf("message: %v", err)
	}
}

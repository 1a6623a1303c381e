package host

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"
)

// SendRequest is one message for a notifier instance.
type SendRequest struct {
	Ref Ref
	// Key is the idempotency key: send a retry with the same key, and the
	// plugin delivers it once.
	Key         string
	AddressKind string
	Address     string
	Text        string
	Link        string
	Locale      string
}

// AddressCheck is a notifier's verdict on an address.
type AddressCheck struct {
	Valid      bool
	Normalized string
	Reason     string
}

// ValidateAddress asks a notifier instance whether it can deliver to
// address, under the call deadline.
func (p *Plugin) ValidateAddress(ctx context.Context, ref Ref, kind, address string) (AddressCheck, error) {
	var c AddressCheck
	if err := p.notifierKind(); err != nil {
		return c, err
	}
	err := p.unary(ctx, "ValidateAddress", func(ctx context.Context, opt grpc.CallOption) error {
		resp, err := p.clients.Notifier.ValidateAddress(ctx, &pluginv1.ValidateAddressRequest{
			Instance: ref.proto(), AddressKind: kind, Address: address}, opt)
		if err == nil {
			c = AddressCheck{Valid: resp.Valid, Normalized: resp.Normalized, Reason: resp.Reason}
		}
		return err
	})
	return c, err
}

// Send hands one message to a notifier instance under the call deadline.
// A failure is a *CallError whose Kind (temporary, rate_limited with
// RetryAfter, permanent, invalid_address, too_long, ...) says what to do;
// Retryable sums it up.
func (p *Plugin) Send(ctx context.Context, req SendRequest) (sdk.Receipt, error) {
	var r sdk.Receipt
	if err := p.notifierKind(); err != nil {
		return r, err
	}
	var failed *CallError
	err := p.unary(ctx, "Send", func(ctx context.Context, opt grpc.CallOption) error {
		resp, err := p.clients.Notifier.Send(ctx, &pluginv1.SendRequest{Instance: req.Ref.proto(), MessageId: req.Key,
			AddressKind: req.AddressKind, Recipient: req.Address, Text: req.Text, Link: req.Link, Locale: req.Locale}, opt)
		if err == nil {
			r = sdk.Receipt{ProviderID: resp.ProviderId, Segments: int(resp.Segments), Duplicate: resp.Duplicate}
			failed = p.failedStatus(resp)
		}
		return err
	})
	if err == nil && failed != nil {
		return r, failed
	}
	return r, err
}

// DeliveryReports reads an instance's delivery reports into consume until
// ctx ends, the plugin ends the stream, or consume fails. It has no
// deadline: reports come when the channel has them.
func (p *Plugin) DeliveryReports(ctx context.Context, ref Ref, consume func(sdk.DeliveryReport) error) error {
	if err := p.notifierKind(); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stream, err := p.clients.Notifier.DeliveryReports(ctx, &pluginv1.DeliveryReportsRequest{Instance: ref.proto()})
	if err != nil {
		return p.callError("DeliveryReports", err, nil)
	}
	for {
		report, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return p.callError("DeliveryReports", err, stream.Trailer())
		}
		if err := consume(sdk.DeliveryReportFromProto(report)); err != nil {
			return err
		}
	}
}

func (p *Plugin) notifierKind() error {
	if p.clients.Notifier == nil || !p.hasKind(sdk.KindNotifier) {
		return fmt.Errorf("plugin %s is no notifier", p.manifest.Label())
	}
	return nil
}

// failedStatus reads the FAILED statuses that a plugin written without an
// SDK may answer as the error kinds the SDKs use.
func (p *Plugin) failedStatus(resp *pluginv1.SendResponse) *CallError {
	e := &CallError{Plugin: p.manifest.Label(), Method: "Send", Message: resp.Message}
	switch resp.Status {
	case pluginv1.SendResponse_STATUS_FAILED_TEMPORARY:
		e.Code, e.Kind = codes.Unavailable, sdk.ErrTemporary
		e.RetryAfter = time.Duration(resp.RetryAfterMs) * time.Millisecond
	case pluginv1.SendResponse_STATUS_FAILED_PERMANENT:
		e.Code, e.Kind = codes.FailedPrecondition, sdk.ErrPermanent
	default:
		return nil
	}
	return e
}

// Retryable says whether a failed Send may succeed when sent again with
// the same key, and the least wait (the plugin's retry-after, else 0). A
// plugin that crashed, hung or lost its configuration is retryable too:
// restart or reconfigure it first; its ledger keeps the retry from sending
// twice what the channel accepted.
func Retryable(err error) (bool, time.Duration) {
	var ce *CallError
	if !errors.As(err, &ce) {
		return false, 0
	}
	switch ce.Kind {
	case sdk.ErrTemporary, sdk.ErrRateLimited, sdk.ErrUnreachable, sdk.ErrNotConfigured:
		return true, ce.RetryAfter
	case "":
		return ce.Code == codes.Unavailable || ce.Code == codes.DeadlineExceeded, 0
	}
	return false, 0
}

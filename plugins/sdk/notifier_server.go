package sdk

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"

	"google.golang.org/grpc"

	"github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"
	"github.com/portico-hub/portico/plugins/sdk/internal/wire"
)

// DataDirEnv names the variable through which the host gives a plugin a
// directory of its own that survives restarts.
const DataDirEnv = "PORTICO_PLUGIN_DATA_DIR"

// DataDir is the plugin's data directory, or "" when the host gives none.
func DataDir() string { return os.Getenv(DataDirEnv) }

// notifierService registers the Notifier service, served by instances
// that implement Notifier, with the accepted keys kept in l.
func notifierService(insts *instances, l *ledger) *wire.Service {
	return &wire.Service{Register: func(s *grpc.Server) {
		pluginv1.RegisterNotifierServer(s, &notifierServer{instances: insts, ledger: l})
	}}
}

type notifierServer struct {
	pluginv1.UnimplementedNotifierServer
	instances *instances
	ledger    *ledger
}

func (s *notifierServer) notifier(ref *pluginv1.InstanceRef) (Notifier, error) {
	inst, err := s.instances.get(ref)
	if err != nil {
		return nil, err
	}
	n, ok := inst.(Notifier)
	if !ok {
		return nil, &Error{Kind: ErrInternal, Message: fmt.Sprintf("instance %T is no Notifier", inst)}
	}
	return n, nil
}

// ValidateAddress answers an InvalidAddress error as a refusal with its
// reason; other errors stay errors.
func (s *notifierServer) ValidateAddress(ctx context.Context, req *pluginv1.ValidateAddressRequest) (*pluginv1.ValidateAddressResponse, error) {
	n, err := s.notifier(req.GetInstance())
	if err != nil {
		return nil, unaryErr(ctx, err)
	}
	norm, err := n.ValidateAddress(ctx, req.GetAddressKind(), req.GetAddress())
	var e *Error
	switch {
	case err == nil:
		return &pluginv1.ValidateAddressResponse{Valid: true, Normalized: norm}, nil
	case errors.As(err, &e) && e.Kind == ErrInvalidAddress:
		return &pluginv1.ValidateAddressResponse{Reason: e.Message}, nil
	}
	return nil, unaryErr(ctx, err)
}

// Send delivers a key once: a key accepted before is answered from the
// ledger, and concurrent calls with one key wait for the first. The send
// runs to its end (or the call's deadline) even when the host goes away
// meanwhile: a message the channel accepted is then recorded, and the
// host's retry of it is dropped, rather than cut off between the
// channel's acceptance and the ledger and sent again.
func (s *notifierServer) Send(ctx context.Context, req *pluginv1.SendRequest) (*pluginv1.SendResponse, error) {
	n, err := s.notifier(req.GetInstance())
	if err != nil {
		return nil, unaryErr(ctx, err)
	}
	if req.GetMessageId() == "" {
		return nil, unaryErr(ctx, &Error{Kind: ErrInvalidRequest, Message: "message_id (the idempotency key) is empty"})
	}
	instance := req.GetInstance().GetInstanceId()
	if r, done := s.ledger.claim(instance, req.GetMessageId()); done {
		return receiptToProto(r), nil
	}
	sendCtx, cancel := detached(ctx)
	defer cancel()
	r, err := n.Send(sendCtx, messageFromProto(req))
	if lerr := s.ledger.settle(instance, req.GetMessageId(), r, err); lerr != nil {
		return nil, unaryErr(ctx, &Error{Kind: ErrInternal, Message: "the message was sent but not recorded: " + lerr.Error()})
	}
	if err != nil {
		return nil, unaryErr(ctx, err)
	}
	return receiptToProto(r), nil
}

func (s *notifierServer) DeliveryReports(req *pluginv1.DeliveryReportsRequest, stream pluginv1.Notifier_DeliveryReportsServer) error {
	n, err := s.notifier(req.GetInstance())
	if err != nil {
		return streamErr(stream, err)
	}
	dr, ok := n.(DeliveryReporter)
	if !ok {
		return streamErr(stream, &Error{Kind: ErrInvalidRequest, Message: "this channel sends no delivery reports"})
	}
	return streamErr(stream, dr.DeliveryReports(stream.Context(), func(r DeliveryReport) error {
		return stream.Send(DeliveryReportToProto(r))
	}))
}

func hasNotifier(kinds []Kind) bool { return slices.Contains(kinds, KindNotifier) }

// notifierLedger opens the ledger of accepted keys for a notifier, on disk
// when the plugin has a data directory; other kinds need none.
func notifierLedger(p Plugin, o options) (*ledger, error) {
	if !hasNotifier(p.Info.Kinds) {
		return nil, nil
	}
	dir := DataDir()
	if o.dataDir != nil {
		dir = *o.dataDir
	}
	return openLedger(dir)
}

// detached keeps ctx's deadline and values but not its cancellation.
func detached(ctx context.Context) (context.Context, context.CancelFunc) {
	d, ok := ctx.Deadline()
	if !ok {
		return context.WithCancel(context.WithoutCancel(ctx))
	}
	return context.WithDeadline(context.WithoutCancel(ctx), d)
}

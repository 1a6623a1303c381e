package sdk

import (
	"context"
	"errors"
	"strconv"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/portico-hub/portico/plugins/sdk/internal/wire"
)

var kindCodes = map[ErrorKind]codes.Code{
	ErrInvalidConfig:  codes.InvalidArgument,
	ErrUnauthorized:   codes.PermissionDenied,
	ErrUnreachable:    codes.Unavailable,
	ErrRateLimited:    codes.ResourceExhausted,
	ErrNotConfigured:  codes.FailedPrecondition,
	ErrInvalidCursor:  codes.OutOfRange,
	ErrInvalidRequest: codes.InvalidArgument,
	ErrInternal:       codes.Internal,
	ErrTemporary:      codes.Unavailable,
	ErrPermanent:      codes.FailedPrecondition,
	ErrInvalidAddress: codes.InvalidArgument,
	ErrTooLong:        codes.InvalidArgument,
}

// toStatus turns a plugin's error into a gRPC status plus the trailer that
// carries its kind. Context errors keep their own codes.
func toStatus(ctx context.Context, err error) (error, metadata.MD) {
	if err == nil {
		return nil, nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return status.FromContextError(ctxErr).Err(), nil
		}
	}
	var e *Error
	if !errors.As(err, &e) {
		e = &Error{Kind: ErrInternal, Message: err.Error()}
	}
	md := metadata.Pairs(wire.ErrorKindKey, string(e.Kind))
	if e.RetryAfter > 0 {
		md.Set(wire.RetryAfterKey, strconv.FormatInt(e.RetryAfter.Milliseconds(), 10))
	}
	code, ok := kindCodes[e.Kind]
	if !ok {
		code = codes.Unknown
	}
	return status.Error(code, e.Message), md
}

// unaryErr converts err for a unary handler.
func unaryErr(ctx context.Context, err error) error {
	st, md := toStatus(ctx, err)
	if md != nil {
		_ = grpc.SetTrailer(ctx, md)
	}
	return st
}

// streamErr converts err for a streaming handler.
func streamErr(stream grpc.ServerStream, err error) error {
	st, md := toStatus(stream.Context(), err)
	if md != nil {
		stream.SetTrailer(md)
	}
	return st
}

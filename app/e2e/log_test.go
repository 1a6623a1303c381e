package e2e

import (
	"context"
	"log/slog"
	"sync/atomic"
	"testing"
)

// serverLog shows the server's warnings in the test's output and counts
// its errors, so that a 500 fails the test that caused it.
type serverLog struct {
	t      *testing.T
	errors atomic.Int64
}

func (l *serverLog) handler() slog.Handler {
	return &countingHandler{Handler: slog.NewTextHandler(l.t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}), log: l}
}

type countingHandler struct {
	slog.Handler
	log *serverLog
}

func (h *countingHandler) Handle(ctx context.Context, r slog.Record) error {
	if r.Level >= slog.LevelError {
		h.log.errors.Add(1)
	}
	return h.Handler.Handle(ctx, r)
}

func (h *countingHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return &countingHandler{Handler: h.Handler.WithAttrs(as), log: h.log}
}

func (h *countingHandler) WithGroup(name string) slog.Handler {
	return &countingHandler{Handler: h.Handler.WithGroup(name), log: h.log}
}

package web

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/imports"
)

// parsersMax is how many uploaded files the wizard reads at once. Each
// reading is bounded (importfile's limits), and so is their sum.
const parsersMax = 2

// errParsersBusy refuses a reading that found no free turn in time.
var errParsersBusy = fiber.NewError(fiber.StatusServiceUnavailable,
	"Portico is reading other uploaded files right now. Wait a minute and try again.")

// parsers hands out the turns to read an uploaded file; a reading waits
// up to wait for one.
type parsers struct {
	turns chan struct{}
	wait  time.Duration
}

func newParsers() *parsers {
	return &parsers{turns: make(chan struct{}, parsersMax), wait: 20 * time.Second}
}

// do runs read in a turn, or refuses with errParsersBusy.
func (p *parsers) do(ctx context.Context, read func() error) error {
	t := time.NewTimer(p.wait)
	defer t.Stop()
	select {
	case p.turns <- struct{}{}:
	case <-t.C:
		return errParsersBusy
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-p.turns }()
	return read()
}

// previewFor is imports.PreviewFor in a turn.
func (s *Server) previewFor(ctx context.Context, k imports.Kind, path string, dl importfile.Dialect, specs []string) (*imports.Preview, error) {
	var pre *imports.Preview
	err := s.parsers.do(ctx, func() (err error) {
		pre, err = imports.PreviewFor(k, path, dl, specs, s.imports.Limits)
		return err
	})
	return pre, err
}

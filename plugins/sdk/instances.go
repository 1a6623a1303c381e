package sdk

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"
)

// instances holds the configured instances of one plugin process, keyed by
// instance id, each with the revision it was built from.
type instances struct {
	configure func(context.Context, Config) (Instance, error)
	mu        sync.Mutex
	byID      map[string]configured
}

type configured struct {
	revision int64
	instance Instance
}

// set builds the instance for cfg and replaces (and closes) the old one.
func (s *instances) set(ctx context.Context, cfg Config) error {
	inst, err := s.configure(ctx, cfg)
	if err != nil {
		return err
	}
	s.mu.Lock()
	old, had := s.byID[cfg.InstanceID]
	s.byID[cfg.InstanceID] = configured{revision: cfg.Revision, instance: inst}
	s.mu.Unlock()
	if had {
		closeInstance(old.instance)
	}
	return nil
}

// get returns the instance for ref, or NotConfigured when it is unknown or
// was built from another revision.
func (s *instances) get(ref *pluginv1.InstanceRef) (Instance, error) {
	s.mu.Lock()
	c, ok := s.byID[ref.GetInstanceId()]
	s.mu.Unlock()
	switch {
	case !ok:
		return nil, &Error{Kind: ErrNotConfigured, Message: fmt.Sprintf("instance %q is not configured", ref.GetInstanceId())}
	case c.revision != ref.GetConfigRevision():
		return nil, &Error{Kind: ErrNotConfigured, Message: fmt.Sprintf(
			"instance %q has configuration revision %d, not %d", ref.GetInstanceId(), c.revision, ref.GetConfigRevision())}
	}
	return c.instance, nil
}

// drop forgets an instance and closes it.
func (s *instances) drop(id string) {
	s.mu.Lock()
	c, ok := s.byID[id]
	delete(s.byID, id)
	s.mu.Unlock()
	if ok {
		closeInstance(c.instance)
	}
}

func closeInstance(i Instance) {
	if c, ok := i.(io.Closer); ok {
		_ = c.Close()
	}
}

package crmsync

import (
	"context"
	"errors"
	"slices"

	"github.com/portico-hub/portico/app/model"
)

// Settings are what an admin chooses for a connector.
type Settings struct {
	// Objects is "contacts", "companies" or "both".
	Objects       string
	RemoteDelete  string
	PorticoDelete string
	// Mapping is the field mapping; nil takes DefaultMapping.
	Mapping []model.CRMFieldMap
}

// Configure stores a connector's settings after checking its mapping
// against the fields the connector describes. A new connector waits in
// "setup" for its first sync; changing the settings later keeps its
// links, cursor and push position.
func (e *Engine) Configure(ctx context.Context, instanceID int64, s Settings) error {
	schema, err := e.Plugins.DescribeRemote(ctx, instanceID)
	if err != nil {
		return err
	}
	if s.Mapping == nil {
		s.Mapping = DefaultMapping(schema)
	}
	v := &model.ValidationError{}
	if !slices.Contains([]string{"contacts", "companies", "both"}, s.Objects) {
		v.Add("objects", "Choose what syncs: contacts, companies or both.")
	}
	if !slices.Contains([]string{"flag", "delete"}, s.RemoteDelete) {
		v.Add("remote_delete", "Choose what a remote delete does: flag the record, or delete it too.")
	}
	if !slices.Contains([]string{"keep", "delete"}, s.PorticoDelete) {
		v.Add("portico_delete", "Choose whether a Portico delete or merge deletes the remote record.")
	}
	var mv *model.ValidationError
	if err := CheckMapping(schema, s.Mapping); errors.As(err, &mv) {
		for f, m := range mv.Fields {
			v.Add(f, m)
		}
	}
	if err := v.Err(); err != nil {
		return err
	}
	paused := false
	if c, err := e.Store.CRMConnector(ctx, instanceID); err == nil {
		paused = c.Paused
	}
	return e.Store.SaveCRMConnector(ctx, model.CRMConnector{InstanceID: instanceID, Objects: s.Objects,
		RemoteDelete: s.RemoteDelete, PorticoDelete: s.PorticoDelete, Paused: paused, Mapping: s.Mapping})
}

// Pause stops a connector's syncs; Portico's changes wait at its push
// position and go out when it is resumed with Unpause.
func (e *Engine) Pause(ctx context.Context, instanceID int64) error {
	return e.Store.SetCRMPaused(ctx, instanceID, true)
}

// Unpause lets a paused connector sync again, from where it stood.
func (e *Engine) Unpause(ctx context.Context, instanceID int64) error {
	return e.Store.SetCRMPaused(ctx, instanceID, false)
}

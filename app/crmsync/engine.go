package crmsync

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/plugins/sdk"
)

// Plugins is what the engine asks of the plugin host.
type Plugins interface {
	DescribeRemote(ctx context.Context, instanceID int64) (sdk.RemoteSchema, error)
	Pull(ctx context.Context, instanceID int64, cursor string, consume func(sdk.ChangeBatch) error) error
	Push(ctx context.Context, instanceID int64, changes []sdk.Change) ([]sdk.PushResult, error)
}

// Engine syncs the CRM connectors of one Portico.
type Engine struct {
	Store    *store.Store
	Plugins  Plugins
	Contacts *contact.Service
	Log      *slog.Logger
	// MaxBackoff caps the wait after repeated outages; default an hour.
	MaxBackoff time.Duration
	locks      sync.Map
}

// lock serialises the runs of one connector; others run meanwhile.
func (e *Engine) lock(instanceID int64) func() {
	m, _ := e.locks.LoadOrStore(instanceID, &sync.Mutex{})
	m.(*sync.Mutex).Lock()
	return m.(*sync.Mutex).Unlock
}

// run is one sync of one connector: its settings and what it counted.
type run struct {
	e       *Engine
	conn    *model.CRMConnector
	maps    []model.CRMFieldMap
	actor   model.Actor
	pulled  int
	pushed  int
	started time.Time
}

func (e *Engine) newRun(ctx context.Context, instanceID int64) (*run, error) {
	conn, err := e.Store.CRMConnector(ctx, instanceID)
	if err != nil {
		return nil, err
	}
	in, err := e.Store.PluginInstance(ctx, instanceID)
	if err != nil {
		return nil, err
	}
	return &run{e: e, conn: conn, maps: active(conn.Mapping, sdk.ObjectContact),
		actor: model.Actor{Name: "Sync: " + in.PluginID + " " + in.Name}, started: e.Store.Now()}, nil
}

// outage is an error of the remote or the plugin that ends a run; the
// connector backs off and tries again, from where it stood.
type outage struct {
	err   error
	after time.Duration
}

func (o *outage) Error() string { return o.err.Error() }
func (o *outage) Unwrap() error { return o.err }

// asOutage classifies a push result that says the remote cannot take
// writes now; nil when the result concerns the record alone.
func asOutage(res sdk.PushResult) error {
	switch res.Status {
	case sdk.PushTemporary, sdk.PushRateLimited, sdk.PushUnauthorized:
		return &outage{err: fmt.Errorf("%s: %s", res.Status, res.Message), after: res.RetryAfter}
	}
	return nil
}

// recordFailure keeps a record's failure where an admin sees it; an error
// of the database ends the run.
func (r *run) recordFailure(ctx context.Context, f model.CRMFailure, err error) error {
	f.InstanceID, f.Object, f.Reason = r.conn.InstanceID, sdk.ObjectContact, reason(err)
	return r.e.Store.AddCRMFailure(ctx, f)
}

// recordOnly tells errors that concern one record (Portico refused a
// value) from those that end the run.
func recordOnly(err error) bool {
	var v *model.ValidationError
	var taken *model.EmailTakenError
	var rec *recordError
	return errors.As(err, &v) || errors.As(err, &taken) || errors.As(err, &rec) || errors.Is(err, model.ErrNotFound) ||
		errors.Is(err, model.ErrConflict)
}

// recordError is a push result refusing one record.
type recordError struct{ msg string }

func (e *recordError) Error() string { return e.msg }

// reason is a failure's message for admins.
func reason(err error) string {
	var v *model.ValidationError
	if errors.As(err, &v) {
		msg := ""
		for f, m := range v.Fields {
			msg += f + ": " + m + " "
		}
		return "Portico refused the record: " + msg
	}
	return err.Error()
}

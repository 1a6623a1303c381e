package crmsync

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/portico-hub/portico/app/company"
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
	Store     *store.Store
	Plugins   Plugins
	Contacts  *contact.Service
	Companies *company.Service
	Log       *slog.Logger
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

// run is one sync of one connector: its settings, the kinds of record it
// syncs with their mapping, and what it counted.
type run struct {
	e       *Engine
	conn    *model.CRMConnector
	objects map[string]object
	maps    map[string][]model.CRMFieldMap
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
	r := &run{e: e, conn: conn, objects: map[string]object{}, maps: map[string][]model.CRMFieldMap{},
		actor: model.Actor{Name: "Sync: " + in.PluginID + " " + in.Name}, started: e.Store.Now()}
	if conn.Objects != "companies" {
		r.objects[sdk.ObjectContact] = contacts{e}
	}
	if conn.Objects != "contacts" {
		r.objects[sdk.ObjectCompany] = companies{e}
	}
	for kind := range r.objects {
		r.maps[kind] = active(conn.Mapping, kind)
	}
	return r, nil
}

// kinds are the object types the run syncs, companies first, so a
// contact's company exists before the contact.
func (r *run) kinds() []object {
	var out []object
	for _, k := range []string{sdk.ObjectCompany, sdk.ObjectContact} {
		if o, ok := r.objects[k]; ok {
			out = append(out, o)
		}
	}
	return out
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
	f.InstanceID, f.Reason = r.conn.InstanceID, reason(err)
	if f.Object == "" {
		f.Object = sdk.ObjectContact
	}
	return r.e.Store.AddCRMFailure(ctx, f)
}

// recordOnly tells errors that concern one record (Portico refused a
// value) from those that end the run.
func recordOnly(err error) bool {
	var v *model.ValidationError
	var taken *model.EmailTakenError
	var name *model.CompanyTakenError
	var rec *recordError
	return errors.As(err, &v) || errors.As(err, &taken) || errors.As(err, &name) || errors.As(err, &rec) || errors.Is(err, model.ErrNotFound) ||
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

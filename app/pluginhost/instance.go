package pluginhost

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// FormField is a field with the value the form shows. A secret's value is
// never shown: HasSecret says one is stored, and a blank input keeps it.
type FormField struct {
	Field
	Value     string
	HasSecret bool
}

// Form is an instance's configuration form.
type Form struct {
	PluginID string
	Instance *model.PluginInstance // nil for a new one
	Fields   []FormField
}

// Form builds the configuration form of a new instance (instanceID 0) or
// of an existing one, from the plugin's JSON Schema.
func (h *Host) Form(ctx context.Context, pluginID string, instanceID int64) (*Form, error) {
	f, _, err := h.lookup(pluginID)
	if err != nil {
		return nil, err
	}
	if f.Err != nil {
		return nil, f.Err
	}
	form := &Form{PluginID: pluginID}
	if instanceID != 0 {
		if form.Instance, err = h.instanceOf(ctx, pluginID, instanceID); err != nil {
			return nil, err
		}
	}
	fs, err := fields(f.Manifest.ConfigSchema)
	if err != nil {
		return nil, err
	}
	var values map[string]any
	if form.Instance != nil {
		_ = json.Unmarshal([]byte(form.Instance.Config), &values)
	}
	for _, fd := range fs {
		ff := FormField{Field: fd}
		if fd.Secret && form.Instance != nil {
			_, ff.HasSecret = form.Instance.Secrets[fd.Name]
		} else if v, ok := values[fd.Name]; ok {
			ff.Value = show(v)
		}
		form.Fields = append(form.Fields, ff)
	}
	return form, nil
}

// instanceOf returns an instance, refusing one of another plugin.
func (h *Host) instanceOf(ctx context.Context, pluginID string, id int64) (*model.PluginInstance, error) {
	in, err := h.opt.Store.PluginInstance(ctx, id)
	if err != nil {
		return nil, err
	}
	if in.PluginID != pluginID {
		return nil, fmt.Errorf("plugin instance %d of %s: %w", id, pluginID, model.ErrNotFound)
	}
	return in, nil
}

// Instances returns a plugin's configured instances.
func (h *Host) Instances(ctx context.Context, pluginID string) ([]model.PluginInstance, error) {
	return h.opt.Store.PluginInstances(ctx, pluginID)
}

// Instance returns one instance of a plugin.
func (h *Host) Instance(ctx context.Context, pluginID string, id int64) (*model.PluginInstance, error) {
	return h.instanceOf(ctx, pluginID, id)
}

// InstanceByName finds an instance as "PLUGIN:NAME" names it.
func (h *Host) InstanceByName(ctx context.Context, pluginID, name string) (*model.PluginInstance, error) {
	return h.opt.Store.PluginInstanceByName(ctx, pluginID, name)
}

// show writes a configured value back into its input.
func show(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// parseValue reads one input as its field's type.
func parseValue(f Field, s string) (any, string) {
	s = strings.TrimSpace(s)
	switch f.Type {
	case "integer":
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, "Enter a whole number."
		}
		return n, ""
	case "number":
		n, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, "Enter a number."
		}
		return n, ""
	case "boolean":
		return s == "on" || s == "true", ""
	case "json":
		var v any
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			return nil, "Enter valid JSON."
		}
		return v, ""
	}
	return s, ""
}

// Activity returns a plugin's recent activity, or one instance's.
func (h *Host) Activity(ctx context.Context, pluginID string, instanceID int64, limit int) ([]model.PluginActivity, error) {
	if _, _, err := h.lookup(pluginID); err != nil {
		return nil, err
	}
	return h.opt.Store.PluginActivity(ctx, pluginID, instanceID, limit)
}

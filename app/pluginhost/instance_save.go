package pluginhost

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// InstanceInput is a submitted configuration form: the instance's name
// and one value per field, as typed.
type InstanceInput struct {
	Name   string
	Values map[string]string
}

// SaveInstance checks a submitted form against the plugin's JSON Schema
// and stores it: a new instance when id is 0. Problems come back as a
// *model.ValidationError keyed by field name ("name", a property, or
// "config" for the whole). A blank secret keeps the stored one.
func (h *Host) SaveInstance(ctx context.Context, pluginID string, id int64, in InstanceInput) (int64, error) {
	form, err := h.Form(ctx, pluginID, id)
	if err != nil {
		return 0, err
	}
	inst := model.PluginInstance{ID: id, PluginID: pluginID, Name: strings.TrimSpace(in.Name), Secrets: map[string]string{}}
	v := &model.ValidationError{}
	if inst.Name == "" || len(inst.Name) > 60 || strings.ContainsAny(inst.Name, ":\n") {
		v.Add("name", "Give the instance a name of 1 to 60 characters, without a colon.")
	}
	config, all := map[string]any{}, map[string]any{}
	for _, f := range form.Fields {
		raw := in.Values[f.Name]
		if f.Secret && strings.TrimSpace(raw) == "" && form.Instance != nil {
			raw = form.Instance.Secrets[f.Name]
		}
		if strings.TrimSpace(raw) == "" && f.Type != "boolean" {
			continue
		}
		val, msg := parseValue(f.Field, raw)
		if msg != "" {
			v.Add(f.Name, msg)
			continue
		}
		all[f.Name] = val
		if f.Secret {
			inst.Secrets[f.Name] = fmt.Sprint(val)
		} else {
			config[f.Name] = val
		}
	}
	m, err := h.manifestOf(pluginID)
	if err != nil {
		return 0, err
	}
	bad, err := validate(m, all)
	if err != nil {
		return 0, err
	}
	for field, msg := range bad {
		if slices.ContainsFunc(form.Fields, func(f FormField) bool { return f.Secret && f.Name == field }) {
			msg = "This value does not meet the plugin's rules." // never echo a secret
		}
		v.Add(or(field, "config"), msg)
	}
	if err := v.Err(); err != nil {
		return 0, err
	}
	data, _ := json.Marshal(config)
	inst.Config = string(data)
	return h.opt.Store.SavePluginInstance(ctx, inst)
}

// DeleteInstance removes an instance and makes the plugin forget it.
func (h *Host) DeleteInstance(ctx context.Context, pluginID string, id int64) error {
	if _, err := h.instanceOf(ctx, pluginID, id); err != nil {
		return err
	}
	return h.opt.Store.DeletePluginInstance(ctx, id)
}

func (h *Host) manifestOf(pluginID string) (json.RawMessage, error) {
	f, _, err := h.lookup(pluginID)
	if err != nil {
		return nil, err
	}
	if f.Err != nil {
		return nil, f.Err
	}
	return f.Manifest.ConfigSchema, nil
}

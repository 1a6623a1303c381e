package sdk

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"
)

// Plugin is everything Serve needs to run a plugin.
type Plugin struct {
	Info Info
	// Configure builds an instance from its configuration. It is called once
	// per instance and revision; the previous instance is closed when it
	// implements io.Closer. A bad configuration should fail with
	// InvalidConfig so the admin sees what to fix.
	Configure func(ctx context.Context, cfg Config) (Instance, error)
}

// Info describes a plugin. The host checks it against plugin.json.
type Info struct {
	ID      string
	Name    string
	Version string
	Kinds   []Kind
	// Capabilities lists additive protocol features the plugin supports.
	Capabilities []string
	// ConfigSchema is the JSON Schema of an instance's configuration.
	ConfigSchema json.RawMessage
	// SDK names the SDK that built the plugin; Serve fills it in.
	SDK string
	// Protocol is the negotiated protocol version, filled in on the host.
	Protocol int
	// Notifier is required of notifiers: address kinds and limits.
	Notifier *NotifierInfo
}

// Instance is one configured connection of a plugin.
type Instance interface {
	// CheckHealth tests the connection, as the admin's "Test connection"
	// button does, and returns a sentence saying what worked.
	CheckHealth(ctx context.Context) (string, error)
}

// Config is one instance's configuration as the host sends it.
type Config struct {
	InstanceID string
	Revision   int64
	JSON       json.RawMessage
	Secrets    map[string]string
}

// Decode unmarshals the configuration into v, refusing unknown fields, and
// reports problems as InvalidConfig.
func (c Config) Decode(v any) error {
	if err := strictJSON(c.JSON, v); err != nil {
		return InvalidConfig(fmt.Sprintf("configuration: %v", err))
	}
	return nil
}

// InfoToProto converts an Info to its wire form.
func InfoToProto(i Info) *pluginv1.PluginInfo {
	p := &pluginv1.PluginInfo{Id: i.ID, Name: i.Name, Version: i.Version,
		Capabilities: i.Capabilities, ConfigSchemaJson: string(i.ConfigSchema),
		Sdk: i.SDK, ProtocolVersion: uint32(i.Protocol), Notifier: NotifierInfoToProto(i.Notifier)}
	for _, k := range i.Kinds {
		p.Kinds = append(p.Kinds, KindToProto(k))
	}
	return p
}

// InfoFromProto converts a wire PluginInfo.
func InfoFromProto(p *pluginv1.PluginInfo) Info {
	i := Info{ID: p.GetId(), Name: p.GetName(), Version: p.GetVersion(),
		Capabilities: p.GetCapabilities(), SDK: p.GetSdk(), Protocol: int(p.GetProtocolVersion()),
		Notifier: NotifierInfoFromProto(p.GetNotifier())}
	if s := p.GetConfigSchemaJson(); s != "" {
		i.ConfigSchema = json.RawMessage(s)
	}
	for _, k := range p.GetKinds() {
		i.Kinds = append(i.Kinds, KindFromProto(k))
	}
	return i
}

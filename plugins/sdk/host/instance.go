package host

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"
)

// Ref names one configured instance and the revision the host expects.
type Ref struct {
	InstanceID string
	Revision   int64
}

func (r Ref) proto() *pluginv1.InstanceRef {
	return &pluginv1.InstanceRef{InstanceId: r.InstanceID, ConfigRevision: r.Revision}
}

// Health is the answer to "Test connection".
type Health struct {
	OK      bool
	Message string
}

// Configure sends one instance's configuration and secrets.
func (p *Plugin) Configure(ctx context.Context, cfg sdk.Config) error {
	req := &pluginv1.ConfigureRequest{Instance: Ref{cfg.InstanceID, cfg.Revision}.proto(),
		ConfigJson: string(cfg.JSON), Secrets: cfg.Secrets}
	return p.unary(ctx, "Configure", func(ctx context.Context, opt grpc.CallOption) error {
		_, err := p.clients.Plugin.Configure(ctx, req, opt)
		return err
	})
}

// CheckHealth tests one instance's connection.
func (p *Plugin) CheckHealth(ctx context.Context, ref Ref) (Health, error) {
	var h Health
	err := p.unary(ctx, "CheckHealth", func(ctx context.Context, opt grpc.CallOption) error {
		resp, err := p.clients.Plugin.CheckHealth(ctx, &pluginv1.CheckHealthRequest{Instance: ref.proto()}, opt)
		if err == nil {
			h = Health{OK: resp.Status == pluginv1.CheckHealthResponse_STATUS_OK, Message: resp.Message}
		}
		return err
	})
	return h, err
}

// Unconfigure makes the plugin forget an instance.
func (p *Plugin) Unconfigure(ctx context.Context, instanceID string) error {
	return p.unary(ctx, "Unconfigure", func(ctx context.Context, opt grpc.CallOption) error {
		_, err := p.clients.Plugin.Unconfigure(ctx, &pluginv1.UnconfigureRequest{InstanceId: instanceID}, opt)
		return err
	})
}

// unary runs one call under the call deadline and converts its error.
func (p *Plugin) unary(ctx context.Context, method string, call func(context.Context, grpc.CallOption) error) error {
	ctx, cancel := context.WithTimeout(ctx, p.cfg.CallTimeout)
	defer cancel()
	var trailer metadata.MD
	if err := call(ctx, grpc.Trailer(&trailer)); err != nil {
		return p.callError(method, err, trailer)
	}
	return nil
}

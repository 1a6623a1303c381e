package wire

import (
	"context"

	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"
)

// Service adapts one gRPC service to go-plugin's plugin set. The plugin
// side fills Register, the host side fills Dial; go-plugin calls only the
// half that runs where it is.
type Service struct {
	plugin.NetRPCUnsupportedPlugin
	Register func(*grpc.Server)
	Dial     func(*grpc.ClientConn) any
}

// GRPCServer registers the service on the plugin's server.
func (s *Service) GRPCServer(_ *plugin.GRPCBroker, srv *grpc.Server) error {
	s.Register(srv)
	return nil
}

// GRPCClient builds the typed client on the host.
func (s *Service) GRPCClient(_ context.Context, _ *plugin.GRPCBroker, c *grpc.ClientConn) (any, error) {
	return s.Dial(c), nil
}

// Reattach is what a plugin served in debug mode hands to a host so it can
// connect without starting a process.
type Reattach struct {
	Protocol int    `json:"protocol_version"`
	Network  string `json:"network"`
	Address  string `json:"address"`
	Pid      int    `json:"pid"`
}

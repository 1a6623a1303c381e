package sdk

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"
)

// pluginServer serves the base Plugin service of protocol v1.
type pluginServer struct {
	pluginv1.UnimplementedPluginServer
	info      Info
	instances *instances
}

func (s *pluginServer) GetInfo(context.Context, *pluginv1.GetInfoRequest) (*pluginv1.PluginInfo, error) {
	return InfoToProto(s.info), nil
}

func (s *pluginServer) Configure(ctx context.Context, req *pluginv1.ConfigureRequest) (*pluginv1.ConfigureResponse, error) {
	if req.GetInstance().GetInstanceId() == "" {
		return nil, unaryErr(ctx, &Error{Kind: ErrInvalidRequest, Message: "instance_id is empty"})
	}
	cfg := Config{InstanceID: req.Instance.InstanceId, Revision: req.Instance.ConfigRevision,
		JSON: []byte(req.GetConfigJson()), Secrets: req.GetSecrets()}
	if err := s.instances.set(ctx, cfg); err != nil {
		return nil, unaryErr(ctx, err)
	}
	return &pluginv1.ConfigureResponse{}, nil
}

func (s *pluginServer) CheckHealth(ctx context.Context, req *pluginv1.CheckHealthRequest) (*pluginv1.CheckHealthResponse, error) {
	inst, err := s.instances.get(req.GetInstance())
	if err != nil {
		return nil, unaryErr(ctx, err)
	}
	msg, err := inst.CheckHealth(ctx)
	if err != nil {
		return &pluginv1.CheckHealthResponse{Status: pluginv1.CheckHealthResponse_STATUS_ERROR, Message: err.Error()}, nil
	}
	return &pluginv1.CheckHealthResponse{Status: pluginv1.CheckHealthResponse_STATUS_OK, Message: msg}, nil
}

func (s *pluginServer) Unconfigure(_ context.Context, req *pluginv1.UnconfigureRequest) (*pluginv1.UnconfigureResponse, error) {
	s.instances.drop(req.GetInstanceId())
	return &pluginv1.UnconfigureResponse{}, nil
}

// importerServer serves the Importer service through instances that
// implement Importer.
type importerServer struct {
	pluginv1.UnimplementedImporterServer
	instances *instances
}

func (s *importerServer) Import(req *pluginv1.ImportRequest, stream pluginv1.Importer_ImportServer) error {
	inst, err := s.instances.get(req.GetInstance())
	if err != nil {
		return streamErr(stream, err)
	}
	imp, ok := inst.(Importer)
	if !ok {
		return streamErr(stream, &Error{Kind: ErrInternal, Message: fmt.Sprintf("instance %T is no Importer", inst)})
	}
	w := &BatchWriter{send: stream.Send}
	r := ImportRequest{Cursor: req.GetCursor(), BatchSize: int(req.GetBatchSizeHint())}
	return streamErr(stream, imp.Import(stream.Context(), r, w))
}

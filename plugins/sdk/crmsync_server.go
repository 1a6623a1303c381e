package sdk

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"
)

// crmSyncServer serves the CrmSync service through instances that
// implement CRMSync (and CRMLookup for Lookup).
type crmSyncServer struct {
	pluginv1.UnimplementedCrmSyncServer
	instances *instances
}

func (s *crmSyncServer) connector(ref *pluginv1.InstanceRef) (CRMSync, error) {
	inst, err := s.instances.get(ref)
	if err != nil {
		return nil, err
	}
	c, ok := inst.(CRMSync)
	if !ok {
		return nil, &Error{Kind: ErrInternal, Message: fmt.Sprintf("instance %T is no CRMSync", inst)}
	}
	return c, nil
}

func (s *crmSyncServer) DescribeRemote(ctx context.Context, req *pluginv1.DescribeRemoteRequest) (*pluginv1.RemoteSchema, error) {
	c, err := s.connector(req.GetInstance())
	if err != nil {
		return nil, unaryErr(ctx, err)
	}
	schema, err := c.DescribeRemote(ctx)
	if err != nil {
		return nil, unaryErr(ctx, err)
	}
	return SchemaToProto(schema), nil
}

func (s *crmSyncServer) Pull(req *pluginv1.PullRequest, stream pluginv1.CrmSync_PullServer) error {
	c, err := s.connector(req.GetInstance())
	if err != nil {
		return streamErr(stream, err)
	}
	w := &ChangeWriter{send: func(b ChangeBatch) error { return stream.Send(ChangeBatchToProto(b)) }}
	r := PullRequest{Cursor: req.GetCursor(), BatchSize: int(req.GetBatchSizeHint())}
	return streamErr(stream, c.Pull(stream.Context(), r, w))
}

func (s *crmSyncServer) Push(ctx context.Context, req *pluginv1.PushRequest) (*pluginv1.PushResponse, error) {
	c, err := s.connector(req.GetInstance())
	if err != nil {
		return nil, unaryErr(ctx, err)
	}
	changes := make([]Change, len(req.GetChanges()))
	for i, ch := range req.GetChanges() {
		changes[i] = ChangeFromProto(ch)
	}
	results, err := c.Push(ctx, changes)
	if err == nil && len(results) != len(changes) {
		err = &Error{Kind: ErrInternal, Message: fmt.Sprintf("Push returned %d results for %d changes", len(results), len(changes))}
	}
	if err != nil {
		return nil, unaryErr(ctx, err)
	}
	resp := &pluginv1.PushResponse{Results: make([]*pluginv1.PushResult, len(results))}
	for i, r := range results {
		resp.Results[i] = PushResultToProto(r)
	}
	return resp, nil
}

func (s *crmSyncServer) Lookup(ctx context.Context, req *pluginv1.LookupRequest) (*pluginv1.LookupResponse, error) {
	c, err := s.connector(req.GetInstance())
	if err != nil {
		return nil, unaryErr(ctx, err)
	}
	l, ok := c.(CRMLookup)
	if !ok {
		return nil, unaryErr(ctx, &Error{Kind: ErrInvalidRequest, Message: "this connector cannot look records up"})
	}
	queries := make([]LookupQuery, len(req.GetQueries()))
	for i, q := range req.GetQueries() {
		queries[i] = LookupQueryFromProto(q)
	}
	found, err := l.Lookup(ctx, queries)
	if err == nil && len(found) != len(queries) {
		err = &Error{Kind: ErrInternal, Message: fmt.Sprintf("Lookup returned %d results for %d queries", len(found), len(queries))}
	}
	if err != nil {
		return nil, unaryErr(ctx, err)
	}
	resp := &pluginv1.LookupResponse{Results: make([]*pluginv1.LookupResult, len(found))}
	for i, matches := range found {
		resp.Results[i] = &pluginv1.LookupResult{}
		for _, m := range matches {
			resp.Results[i].Matches = append(resp.Results[i].Matches, ChangeToProto(m))
		}
	}
	return resp, nil
}

package main

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
)

// reportBacklog is how many delivery reports are held while the host has
// no stream open; older ones are dropped first.
const reportBacklog = 10000

// reportListener receives Kannel's dlr-url callbacks over HTTP and holds
// the reports until the host reads them.
type reportListener struct {
	addr    string
	server  *http.Server
	pending chan sdk.DeliveryReport
}

func listenReports(addr string) (*reportListener, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	r := &reportListener{addr: l.Addr().String(), pending: make(chan sdk.DeliveryReport, reportBacklog)}
	r.server = &http.Server{Handler: http.HandlerFunc(r.receive), ReadHeaderTimeout: 5 * time.Second}
	go r.server.Serve(l)
	return r, nil
}

func (r *reportListener) Close() error { return r.server.Close() }

// callback is the dlr-url for one message; Kannel fills %d (the report
// type) and %A (the SMSC's answer).
func (r *reportListener) callback(key, id string) string {
	q := url.Values{"key": {key}, "id": {id}}
	return "http://" + r.addr + "/dlr?" + q.Encode() + "&type=%d&answer=%A"
}

// Kannel's report types: 1 delivered, 2 undelivered, 4 queued on the SMSC,
// 8 accepted by the SMSC, 16 rejected by the SMSC.
var reportStatus = map[string]sdk.DeliveryStatus{
	"1": sdk.Delivered, "2": sdk.Failed, "4": sdk.Pending, "8": sdk.Pending, "16": sdk.Failed,
}

func (r *reportListener) receive(w http.ResponseWriter, req *http.Request) {
	q := req.URL.Query()
	status, ok := reportStatus[q.Get("type")]
	if req.URL.Path != "/dlr" || q.Get("key") == "" || !ok {
		http.Error(w, "not a Kannel delivery report", http.StatusBadRequest)
		return
	}
	rep := sdk.DeliveryReport{Key: q.Get("key"), ProviderID: q.Get("id"), Status: status,
		Detail: q.Get("answer"), At: time.Now()}
	for {
		select {
		case r.pending <- rep:
			w.WriteHeader(http.StatusNoContent)
			return
		default: // full: drop the oldest
			select {
			case <-r.pending:
			default:
			}
		}
	}
}

// DeliveryReports hands the held reports to the host as they come.
func (g *gateway) DeliveryReports(ctx context.Context, send func(sdk.DeliveryReport) error) error {
	if g.reports == nil {
		return sdk.InvalidConfig("delivery reports are off: set delivery_reports_listen")
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case rep := <-g.reports.pending:
			if err := send(rep); err != nil {
				return err
			}
		}
	}
}

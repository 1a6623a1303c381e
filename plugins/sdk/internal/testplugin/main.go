// Command testplugin misbehaves on purpose, so the SDK's tests can check
// how the host copes with real plugin processes: its first argument picks
// the misbehaviour.
//
//	crash  the import sends two batches, then the process exits
//	hang   CheckHealth and the import never answer
//	v2     it speaks only plugin protocol version 2
//	chatty CheckHealth prints to stdout
//	silent it never writes the handshake
//	stall  the import sends two batches of ten contacts, then waits
//	bad    the import sends one batch of records Portico must refuse
//	       one by one (invalid address, huge field, no kind) among good ones
//	split  a company and one of its contacts, then the process exits;
//	       resumed after them, the company's other contacts
//	companies company records around two contacts (a name twice, domains
//	       taken), then, a moment later, one company no contact follows
//	trailing a contact and then a company, then the process exits;
//	       resumed after them, a contact of that company
package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/hashicorp/go-plugin"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/internal/wire"
)

func main() {
	mode := ""
	if len(os.Args) > 1 {
		mode = os.Args[1]
	}
	if mode == "silent" {
		time.Sleep(time.Hour)
		return
	}
	if mode == "v2" {
		plugin.Serve(&plugin.ServeConfig{HandshakeConfig: wire.Handshake,
			VersionedPlugins: map[int]plugin.PluginSet{2: {}}, GRPCServer: plugin.DefaultGRPCServer})
		return
	}
	sdk.Serve(sdk.Plugin{
		Info: sdk.Info{ID: "testplugin", Name: "Test plugin", Version: "1.0.0", Kinds: []sdk.Kind{sdk.KindImporter}},
		Configure: func(context.Context, sdk.Config) (sdk.Instance, error) {
			return &instance{mode: mode}, nil
		},
	})
}

type instance struct{ mode string }

func (i *instance) CheckHealth(ctx context.Context) (string, error) {
	if i.mode == "hang" {
		select {}
	}
	if i.mode == "chatty" {
		fmt.Println("checking health")
	}
	return "ok", nil
}

func (i *instance) Import(ctx context.Context, req sdk.ImportRequest, w *sdk.BatchWriter) error {
	switch i.mode {
	case "hang":
		select {}
	case "stall":
		return stall(ctx, w)
	case "bad":
		return w.Send(sdk.Batch{Cursor: "end", Records: badRecords()})
	case "split":
		return split(req.Cursor, w)
	case "companies":
		return companies(w)
	case "trailing":
		return trailing(req.Cursor, w)
	}
	for n := 1; ; n++ {
		b := sdk.Batch{Cursor: strconv.Itoa(n), Records: []sdk.Record{{Contact: &sdk.Contact{ExternalID: strconv.Itoa(n)}}}}
		if err := w.Send(b); err != nil {
			return err
		}
		if i.mode == "crash" && n == 2 {
			time.Sleep(200 * time.Millisecond) // let both batches reach the host
			os.Exit(3)
		}
	}
}

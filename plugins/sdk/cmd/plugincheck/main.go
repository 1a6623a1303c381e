// Command plugincheck runs the conformance checks on a plugin folder (the
// one holding plugin.json), Go or Node alike, and exits 1 if any fails:
//
//	go run ./cmd/plugincheck [-config '{"count":1000}'] [-address +15551234567] [-v] DIR
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/hashicorp/go-hclog"

	"github.com/portico-hub/portico/plugins/sdk/conformance"
)

func main() {
	config := flag.String("config", "{}", "instance configuration (JSON) used for the checks")
	verbose := flag.Bool("v", false, "show the plugin's log lines")
	address := flag.String("address", "", "notifiers: an address the channel accepts; the checks send two messages there")
	secrets := secretFlags{}
	flag.Var(secrets, "secret", "a secret setting as NAME=VALUE, such as -secret password=s3cret; repeat for more")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: plugincheck [-config JSON] [-secret NAME=VALUE ...] [-address ADDRESS] [-v] PLUGIN_DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	opts := conformance.Options{Config: *config, Secrets: secrets, Address: *address, Env: []string{"PATH=" + os.Getenv("PATH")}}
	if *verbose {
		opts.Logger = hclog.New(&hclog.LoggerOptions{Name: "plugincheck", Output: os.Stderr, Level: hclog.Debug})
	}
	r := conformance.Run(context.Background(), flag.Arg(0), opts)
	fmt.Printf("plugin %s\n", r.Plugin)
	r.Write(os.Stdout)
	if r.Failed() {
		os.Exit(1)
	}
}

// secretFlags collects -secret NAME=VALUE flags: secrets go apart from
// the configuration, as Portico keeps and sends them.
type secretFlags map[string]string

func (f secretFlags) String() string { return fmt.Sprint(len(f), " secrets") }

func (f secretFlags) Set(v string) error {
	name, value, ok := strings.Cut(v, "=")
	if !ok || name == "" {
		return fmt.Errorf("write a secret as NAME=VALUE")
	}
	f[name] = value
	return nil
}

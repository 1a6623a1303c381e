package main

import (
	"testing"

	"github.com/portico-hub/portico/plugins/sdk/conformance"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

// buildPlugin builds the plugin into a fresh folder with its plugin.json,
// as a release would ship it, and returns the folder.
func buildPlugin(t testing.TB) string { return sdktest.BuildGo(t, "bin/kannel-sms") }

// startPlugin starts the built plugin as Portico runs it, with data as
// its data directory.
func startPlugin(t testing.TB, dir, data string) *host.Plugin {
	return sdktest.StartFolder(t, dir, func(c *host.Config) { c.DataDir = data })
}

// conform runs the conformance checks against the built plugin, sending
// its messages to address.
func conform(t *testing.T, dir, config string, secrets map[string]string, address string) {
	sdktest.Conform(t, dir, conformance.Options{Config: config, Secrets: secrets, Address: address})
}

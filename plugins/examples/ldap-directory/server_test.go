package main

import (
	"testing"

	"github.com/portico-hub/portico/plugins/sdk/conformance"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

// buildPlugin builds the plugin into a fresh folder with its plugin.json,
// as a release would ship it, and returns the folder.
func buildPlugin(t testing.TB) string { return sdktest.BuildGo(t, "bin/ldap-directory") }

// startPlugin starts the built plugin as Portico runs it.
func startPlugin(t testing.TB, dir string) *host.Plugin { return sdktest.StartFolder(t, dir) }

// conform runs the conformance checks against the built plugin.
func conform(t *testing.T, dir, config string, secrets map[string]string) {
	sdktest.Conform(t, dir, conformance.Options{Config: config, Secrets: secrets})
}

package servertest

import (
	"testing"

	"github.com/portico-hub/portico/plugins/sdk/conformance"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

// pluginDir bundles the plugin (esbuild, as make plugins does) and returns
// its folder, which holds plugin.json and dist/plugin.js.
func pluginDir(t testing.TB) string { return sdktest.BuildNode(t, "..") }

// startPlugin starts the built plugin as Portico runs it; it may find
// node on the PATH and gets no other variable.
func startPlugin(t testing.TB, dir string) *host.Plugin {
	return sdktest.StartFolder(t, dir, func(c *host.Config) { c.Env = sdktest.NodeEnv() })
}

// conform runs the conformance checks against the built plugin.
func conform(t *testing.T, dir, config string, secrets map[string]string) {
	sdktest.Conform(t, dir, conformance.Options{Config: config, Secrets: secrets, Env: sdktest.NodeEnv()})
}

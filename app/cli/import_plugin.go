package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app"
	"github.com/portico-hub/portico/app/imports"
)

// importFromPlugin runs portico import contacts --from PLUGIN:INSTANCE:
// the same import as a file's, reading the instance's stream. The plugin
// runs in this process for the import's length.
func importFromPlugin(ctx context.Context, e *env, fs *flag.FlagSet, o importFlags, from string) error {
	pluginID, name, ok := strings.Cut(from, ":")
	if !ok || pluginID == "" || name == "" {
		return fmt.Errorf("--from %q: give PLUGIN:INSTANCE, such as hello-go:Sales", from)
	}
	if len(e.args) != 1 || e.args[0] != string(imports.KindContacts) {
		return fmt.Errorf("--from imports contacts: portico import contacts --from %s, without a file", from)
	}
	st, err := openStore(ctx, e.cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	h, err := app.PluginHost(e.cfg, e.log, st, false)
	if err != nil {
		return err
	}
	defer h.Close()
	in, err := h.InstanceByName(ctx, pluginID, name)
	if err != nil {
		return fmt.Errorf("there is no instance %q of plugin %s (see Admin > Plugins)", name, pluginID)
	}
	d := app.Imports(e.cfg, e.log, st, h)
	fs.Visit(func(f *flag.Flag) { o.activateSet = o.activateSet || f.Name == "send-activation" })
	send := *o.activate
	if !o.activateSet {
		if send, err = st.ActivationAuto(ctx); err != nil {
			return err
		}
	}
	p := imports.Params{Kind: imports.KindContacts, Filename: from, PluginInstance: in.ID, Map: o.specs,
		Mode: imports.Mode(*o.mode), Match: imports.Match(*o.match), Blank: imports.Blank(*o.blank), DryRun: *o.dry, SendActivation: send}
	return runImport(ctx, e, d, p)
}

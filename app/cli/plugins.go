package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/portico-hub/portico/app"

	"github.com/portico-hub/portico/app/pluginhost"
)

var pluginsCommand = command{
	name:    "plugins",
	usage:   "portico plugins list|approve|disable|enable|logs [flags] [ID]",
	summary: "list, approve, disable and enable plugins, and read their logs",
	about: "Manages the plugins of the plugins folder, as Admin > Plugins does. " +
		"list shows every plugin with its version, state and kinds; approve ID shows the files the plugin runs with their SHA-256 and approves them; " +
		"disable ID stops the plugin and keeps it from starting; enable ID lets a disabled plugin start again; logs ID prints its recent activity, with its last stderr lines.\n\n" +
		"A running server notices approvals, and plugins disabled or changed here, within its next health check (30 s).",
	examples: []string{
		"portico plugins list",
		"portico plugins approve ldap-directory          # asks before approving; --yes does not",
		`portico plugins disable ldap-directory --reason "Upgrading the directory"`,
		"portico plugins logs ldap-directory",
	},
	actions:  []string{"list", "approve", "disable", "enable", "logs"},
	keep:     true,
	settings: []string{"db", "plugins-dir", "log-level", "log-format"},
	flags:    pluginsCmd,
}

// pluginsCmd runs one action on an offline plugin host: it manages
// approvals and states beside a running server without starting plugins.
func pluginsCmd(fs *flag.FlagSet, e *env) func(context.Context) error {
	yes := fs.Bool("yes", false, "approve without asking for confirmation")
	reason := fs.String("reason", "Disabled from the command line.", "why a plugin is disabled, shown to admins")
	return func(ctx context.Context) error {
		st, err := openStore(ctx, e.cfg)
		if err != nil {
			return err
		}
		defer st.Close()
		h, err := app.PluginHost(e.cfg, e.log, st, true)
		if err != nil {
			return err
		}
		defer h.Close()
		action, id := e.args[0], ""
		if len(e.args) > 1 {
			id = e.args[1]
		}
		switch action {
		case "list":
			return listPlugins(ctx, e, h)
		case "approve":
			return approvePlugin(ctx, e, h, id, *yes)
		case "disable":
			return done(e, h.Disable(ctx, id, *reason), "plugin %s is disabled\n", id)
		case "enable":
			return done(e, h.Enable(ctx, id), "plugin %s is enabled\n", id)
		case "logs":
			return pluginLogs(ctx, e, h, id)
		}
		return fmt.Errorf("unknown action %q", action)
	}
}

// done prints what an action did, once it did it.
func done(e *env, err error, format string, args ...any) error {
	if err == nil {
		fmt.Fprintf(e.stdout, format, args...)
	}
	return err
}

// listPlugins prints every plugin of the folder as a table.
func listPlugins(ctx context.Context, e *env, h *pluginhost.Host) error {
	list, err := h.List(ctx)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintf(e.stdout, "no plugins in %s\n", h.Dir())
		return nil
	}
	w := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tVERSION\tSTATE\tKINDS\tREASON")
	for _, s := range list {
		version, kinds := "", ""
		if s.Manifest != nil {
			version, kinds = s.Manifest.Version, strings.Join(s.Manifest.Kinds, ",")
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", s.ID, version, s.State, kinds, firstLine(s.Reason))
	}
	return w.Flush()
}

// approvePlugin shows the files a plugin runs with their SHA-256 and
// approves those, after asking unless yes.
func approvePlugin(ctx context.Context, e *env, h *pluginhost.Host, id string, yes bool) error {
	files, err := h.Files(ctx, id)
	if err != nil {
		return err
	}
	sums := map[string]string{}
	fmt.Fprintf(e.stdout, "Plugin %s runs with these files:\n", id)
	for _, f := range files {
		fmt.Fprintf(e.stdout, "  %s  %s\n", f.SHA256, f.Path)
		sums[f.Path] = f.SHA256
	}
	if !yes {
		fmt.Fprint(e.stdout, "Approve them? [y/N] ")
		line, _ := bufio.NewReader(e.stdin).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" {
			return errors.New("not approved")
		}
	}
	return done(e, h.Approve(ctx, id, sums, 0), "plugin %s is approved\n", id)
}

// pluginLogs prints a plugin's latest activity, oldest first.
func pluginLogs(ctx context.Context, e *env, h *pluginhost.Host, id string) error {
	acts, err := h.Activity(ctx, id, 0, 50)
	if err != nil {
		return err
	}
	for i := len(acts) - 1; i >= 0; i-- {
		a := acts[i]
		fmt.Fprintf(e.stdout, "%s  %-9s %s\n", a.At.UTC().Format("2006-01-02 15:04:05"), a.Kind, a.Message)
		if a.Detail != "" {
			fmt.Fprintf(e.stdout, "    %s\n", strings.ReplaceAll(strings.TrimSpace(a.Detail), "\n", "\n    "))
		}
	}
	return nil
}

// firstLine keeps a reason to its first line, for a table row.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

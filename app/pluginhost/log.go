package pluginhost

import (
	"context"
	"io"
	"log/slog"
	"slices"

	"github.com/hashicorp/go-hclog"
)

// logSink passes a plugin's log lines (go-plugin re-logs its JSON stderr
// lines through hclog) to Portico's log, under the plugin's id.
type logSink struct {
	log *slog.Logger
}

var levels = map[hclog.Level]slog.Level{
	hclog.Trace: slog.LevelDebug - 4, hclog.Debug: slog.LevelDebug, hclog.Info: slog.LevelInfo,
	hclog.Warn: slog.LevelWarn, hclog.Error: slog.LevelError,
}

func (s logSink) Accept(_ string, level hclog.Level, msg string, args ...any) {
	l, ok := levels[level]
	if !ok {
		l = slog.LevelInfo
	}
	if !s.log.Enabled(context.Background(), l) {
		return
	}
	s.log.Log(context.Background(), l, msg, renamePluginKey(args)...)
}

// renamePluginKey renames go-plugin's own "plugin" attribute (the
// binary's path) to "path", so it does not repeat the key the sink
// already logs as the plugin's id.
func renamePluginKey(args []any) []any {
	out := slices.Clone(args)
	for i := 0; i+1 < len(out); i += 2 {
		if k, _ := out[i].(string); k == "plugin" {
			out[i] = "path"
		}
	}
	return out
}

// pluginLogger is the hclog logger a plugin's process logs through.
func pluginLogger(log *slog.Logger, id string) hclog.Logger {
	l := hclog.NewInterceptLogger(&hclog.LoggerOptions{Name: id, Output: io.Discard, Level: hclog.Trace})
	l.RegisterSink(logSink{log: log.With("plugin", id)})
	return l
}

package pluginhost

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// go-plugin logs its own lines with a "plugin" attribute holding the
// binary's path; Portico's log must name the plugin once, by its id.
func TestPluginLogNamesThePluginOnce(t *testing.T) {
	var buf bytes.Buffer
	l := pluginLogger(slog.New(slog.NewTextHandler(&buf, nil)), "ldap-directory")
	l.Info("plugin process exited", "plugin", "/srv/plugins/ldap-directory/ldap-directory", "id", 42)
	line := buf.String()
	if n := strings.Count(line, "plugin="); n != 1 {
		t.Fatalf("plugin= appears %d times in %q, want once", n, line)
	}
	for _, want := range []string{"plugin=ldap-directory", "path=/srv/plugins/ldap-directory/ldap-directory", "id=42"} {
		if !strings.Contains(line, want) {
			t.Errorf("log line %q lacks %q", line, want)
		}
	}
}

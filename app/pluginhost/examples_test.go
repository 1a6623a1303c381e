package pluginhost

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// secretUse finds the secrets a plugin's code reads: Secrets["name"] in
// Go, secrets.name in Node.
var secretUse = regexp.MustCompile(`Secrets\["([a-z_]+)"\]|secrets\.([a-z_]+)`)

// TestExamplesDeclareEverySecretTheyRead: an admin can give a plugin only
// the secrets its manifest declares (a "format": "password" property);
// one its code reads but the manifest lacks would leave the instance form
// without the field, and the plugin refusing every configuration.
func TestExamplesDeclareEverySecretTheyRead(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("..", "..", "plugins", "examples", "*", "plugin.json"))
	if len(dirs) == 0 {
		t.Fatal("no example plugins found")
	}
	for _, manifest := range dirs {
		dir := filepath.Dir(manifest)
		var m struct {
			ConfigSchema json.RawMessage `json:"config_schema"`
		}
		data, err := os.ReadFile(manifest)
		if err == nil {
			err = json.Unmarshal(data, &m)
		}
		fs, ferr := fields(m.ConfigSchema)
		if err != nil || ferr != nil {
			t.Fatalf("%s: %v %v", manifest, err, ferr)
		}
		declared := map[string]bool{}
		for _, f := range fs {
			declared[f.Name] = f.Secret
		}
		srcs, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		js, _ := filepath.Glob(filepath.Join(dir, "lib", "*.js"))
		for _, src := range append(srcs, js...) {
			code, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			for _, use := range secretUse.FindAllStringSubmatch(string(code), -1) {
				name := use[1] + use[2]
				if !declared[name] {
					t.Errorf("%s reads the secret %q, which %s does not declare with \"format\": \"password\"", src, name, manifest)
				}
			}
		}
	}
}

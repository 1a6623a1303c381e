package manifest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk/manifest"
)

const valid = `{"id":"hello","name":"Hello","version":"1.0.0","kinds":["importer"],"protocol_versions":[1],
"runtime":"native","entrypoint":"bin/hello","files":["bin/hello"],"author":{"name":"A"}}`

func TestParseReportsTheFirstProblem(t *testing.T) {
	cases := map[string]struct{ from, to, want string }{
		"valid":            {"", "", ""},
		"bad id":           {`"id":"hello"`, `"id":"Hello World"`, `id "Hello World" must be`},
		"unknown kind":     {`["importer"]`, `["exporter"]`, `kind "exporter" is unknown`},
		"no protocol":      {`[1]`, `[]`, "protocol_versions is empty"},
		"bad runtime":      {`"native"`, `"python"`, `runtime "python" is unknown`},
		"escaping file":    {`"files":["bin/hello"]`, `"files":["../x","bin/hello"]`, `file "../x" must be a clean path`},
		"unlisted entry":   {`"entrypoint":"bin/hello"`, `"entrypoint":"bin/other"`, `entrypoint "bin/other" must be one of the files`},
		"misspelt field":   {`"author"`, `"autor"`, `unknown field "autor"`},
		"schema not JSON":  {`"author"`, `"config_schema":[1],"author"`, "config_schema must be a JSON object"},
		"no author":        {`{"name":"A"}`, `{}`, "author.name is required"},
		"missing version":  {`"version":"1.0.0"`, `"version":""`, "version is required"},
		"absolute entry":   {`"bin/hello","files":["bin/hello"]`, `"/bin/sh","files":["/bin/sh"]`, `file "/bin/sh" must be a clean path`},
		"no files at all":  {`"files":["bin/hello"]`, `"files":[]`, "files is empty"},
		"negative version": {`[1]`, `[0]`, "protocol version 0 is not a positive integer"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := manifest.Parse([]byte(strings.Replace(valid, c.from, c.to, 1)))
			if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
		})
	}
}

func TestVerifyNamesChangedFiles(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "bin"), 0o755)
	os.WriteFile(filepath.Join(dir, "plugin.json"), []byte(valid), 0o644)
	os.WriteFile(filepath.Join(dir, "bin", "hello"), []byte("v1"), 0o755)
	m, err := manifest.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	approved, err := m.Digests(dir)
	if err != nil || len(approved) != 2 {
		t.Fatalf("digests %v %v", approved, err)
	}
	if err := m.Verify(dir, approved); err != nil {
		t.Fatalf("unchanged folder: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "bin", "hello"), []byte("v2"), 0o755)
	if err := m.Verify(dir, approved); err == nil || !strings.Contains(err.Error(), "[bin/hello] changed") {
		t.Fatalf("changed binary: %v", err)
	}
	if err := m.Verify(dir, nil); err == nil || !strings.Contains(err.Error(), "is not approved") {
		t.Fatalf("no approval: %v", err)
	}
}

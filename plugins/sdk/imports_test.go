package sdk_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestSDKImportsNoApplicationCode keeps plugin authors' dependencies to
// this module: nothing here may import Portico's app packages.
func TestSDKImportsNoApplicationCode(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "github.com/portico-hub/portico/") && !strings.HasPrefix(pkg, "github.com/portico-hub/portico/plugins/sdk") {
			t.Errorf("the SDK depends on %s", pkg)
		}
	}
}

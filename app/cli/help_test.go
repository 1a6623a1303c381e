package cli

import (
	"flag"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/config"
)

// TestHelpIsTheCommandReference checks that `portico help` is the whole
// reference: every command with its synopsis, what it does, each of its
// flags and at least one example, and that `portico help COMMAND`,
// `portico COMMAND --help` and `-h` print that command's part of it.
func TestHelpIsTheCommandReference(t *testing.T) {
	code, all, errs := run(t, "", "help")
	if code != 0 || errs != "" {
		t.Fatalf("help: exit %d, stderr %q", code, errs)
	}
	for _, c := range commands() {
		if c.summary == "" || c.about == "" || len(c.examples) == 0 {
			t.Errorf("%s lacks a summary, a description or an example", c.name)
		}
		code, one, _ := run(t, "", "help", c.name)
		if code != 0 || !strings.Contains(all, one) {
			t.Errorf("help %s: exit %d; its reference is not part of portico help:\n%s", c.name, code, one)
		}
		for _, want := range append([]string{"usage: " + c.usage, c.summary}, c.examples...) {
			if !strings.Contains(all, want) {
				t.Errorf("portico help lacks %q", want)
			}
		}
		fs, _ := c.flagSet(&env{stderr: io.Discard, cfg: &config.Config{}})
		fs.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(one, "  -"+f.Name+" ") && !strings.Contains(one, "  -"+f.Name+"\n") {
				t.Errorf("portico help %s does not list -%s", c.name, f.Name)
			}
		})
		for _, ask := range [][]string{{c.name, "--help"}, {c.name, "-h"}} {
			if code, out, errs := run(t, "", ask...); code != 0 || out != one || errs != "" {
				t.Errorf("%q: exit %d, printed\n%s\nand on stderr %q; want what portico help %s prints, alone", ask, code, out, errs, c.name)
			}
		}
	}
	if code, out, _ := run(t, "", "-h"); code != 0 || out != all {
		t.Errorf("portico -h: exit %d; want the whole reference", code)
	}
}

// TestMisusedCommandsPointToTheirHelp gives commands a missing or
// unknown first word, or an unknown flag: each says how it is used and
// where its reference is, and exits 2 without running.
func TestMisusedCommandsPointToTheirHelp(t *testing.T) {
	for _, args := range [][]string{{"import"}, {"import", "tickets", "x.csv"}, {"export", "companies"}, {"admin", "delete"},
		{"plugins"}, {"plugins", "remove", "x"}, {"migrate", "--frobnicate"}} {
		code, out, errs := run(t, "", args...)
		if code != 2 || out != "" || !strings.Contains(errs, `Run "portico help `+args[0]+`"`) ||
			len(args) > 1 && !strings.HasPrefix(args[1], "-") && !strings.Contains(errs, strconv.Quote(args[1])+" is not one of") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}

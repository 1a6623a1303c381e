package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/portico-hub/portico/app/config"
)

// help prints the whole command reference, or one command's when args
// names it.
func help(stdout, stderr io.Writer, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, overview())
		for _, c := range commands() {
			fmt.Fprintln(stdout)
			writeCommand(stdout, c)
		}
		return 0
	}
	c, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(stderr, "portico help: there is no command %q\n\n%s", args[0], overview())
		return 2
	}
	writeCommand(stdout, c)
	return 0
}

// overview lists the commands, one line each.
func overview() string {
	var b strings.Builder
	b.WriteString("Portico is a self-hosted contacts and companies hub for support teams.\n\n")
	b.WriteString("Usage: portico COMMAND [flags] [arguments]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(&b, "  %-9s %s\n\n", "help", "this reference; portico help COMMAND (or portico COMMAND --help) prints one command's")
	b.WriteString(wrap("Without a command Portico serves. Flags may come before or after the other arguments. "+
		"Every setting is a flag and a PORTICO_* environment variable, named in brackets after it; "+
		"a flag wins over its variable, which wins over the default.", "") + "\n")
	return b.String()
}

// writeCommand prints one command's reference: its synopsis, what it
// does, its flags with the settings it reads, and examples.
func writeCommand(w io.Writer, c *command) {
	fmt.Fprintf(w, "usage: %s\n\n", c.usage)
	for _, p := range strings.Split(c.about, "\n\n") {
		fmt.Fprintf(w, "%s\n\n", wrap(p, "  "))
	}
	fs, _ := c.flagSet(&env{stderr: io.Discard, cfg: &config.Config{}})
	fmt.Fprintln(w, "Flags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	if len(c.examples) > 0 {
		fmt.Fprintln(w, "\nExamples:")
		for _, ex := range c.examples {
			fmt.Fprintf(w, "  %s\n", ex)
		}
	}
}

// wrap breaks text into lines of at most 76 characters, each starting
// with indent.
func wrap(text, indent string) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(text) {
		if len(line) > len(indent) && len(line)+1+len(word) > 76 {
			b.WriteString(line + "\n")
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += word
	}
	b.WriteString(line)
	return b.String()
}

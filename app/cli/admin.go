package cli

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/portico-hub/portico/app"
	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/model"
)

var adminCommand = command{
	name:    "admin",
	usage:   "portico admin create --email E --name N",
	summary: "create an admin; the password is read from stdin",
	about: "Creates an admin without a browser, for a first admin on a server nobody can reach yet or when every admin is locked out. " +
		"The password is read from the first line of stdin, so it never appears in the process list or the shell history; it follows the agents' password rules. " +
		"An address already taken is refused.",
	examples: []string{`printf '%s\n' "$PASSWORD" | portico admin create --email ann@example.com --name "Ann Lee"`},
	actions:  []string{"create"},
	settings: []string{"db", "log-level", "log-format"},
	flags:    adminCmd,
}

// adminCmd is "portico admin create": it creates an admin without the
// browser, reading the password from stdin so it never appears in the
// process list or shell history.
func adminCmd(fs *flag.FlagSet, e *env) func(context.Context) error {
	email := fs.String("email", "", "the admin's email address")
	name := fs.String("name", "", "the admin's name")
	return func(ctx context.Context) error {
		if strings.TrimSpace(*email) == "" || strings.TrimSpace(*name) == "" {
			return errors.New("give the admin's --email and --name, and the password on stdin")
		}
		pw, err := bufio.NewReader(e.stdin).ReadString('\n')
		if err != nil && pw == "" {
			return errors.New("read the password from stdin: nothing was given")
		}
		st, err := openStore(ctx, e.cfg)
		if err != nil {
			return err
		}
		defer st.Close()
		a, err := app.Agents(e.cfg, st).CreateAdmin(ctx, agent.Input{Name: *name, Email: *email, Password: strings.TrimRight(pw, "\r\n")})
		var ve *model.ValidationError
		if errors.As(err, &ve) {
			return fmt.Errorf("the admin was not created:%s", fieldLines(ve, map[string]string{
				"email": "--email", "name": "--name", "password": "the password"}))
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "created admin %s <%s>\n", a.Name, a.Email)
		return nil
	}
}

// fieldLines lists a refusal's messages one per line, each after the
// name the person typed it as (a flag rather than a form field).
func fieldLines(ve *model.ValidationError, names map[string]string) string {
	keys := slices.Sorted(maps.Keys(ve.Fields))
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "\n  %s: %s", cmp.Or(names[k], k), ve.Fields[k])
	}
	return b.String()
}

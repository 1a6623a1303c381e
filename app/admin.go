package app

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/model"
)

// adminCmd is "portico admin create": it creates an admin without the
// browser, reading the password from stdin so it never appears in the
// process list or shell history.
func adminCmd(fs *flag.FlagSet, e *env) func(context.Context) error {
	email := fs.String("email", "", "the admin's email address")
	name := fs.String("name", "", "the admin's name")
	return func(ctx context.Context) error {
		pw, err := bufio.NewReader(e.stdin).ReadString('\n')
		if err != nil && pw == "" {
			return errors.New("read the password from stdin: nothing was given")
		}
		st, err := openStore(ctx, e.cfg)
		if err != nil {
			return err
		}
		defer st.Close()
		svc := &agent.Service{Store: st, SessionTTL: e.cfg.SessionTTL}
		a, err := svc.CreateAdmin(ctx, agent.Input{Name: *name, Email: *email, Password: strings.TrimRight(pw, "\r\n")})
		var ve *model.ValidationError
		if errors.As(err, &ve) {
			return errors.New(strings.TrimPrefix(ve.Error(), "invalid input: "))
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "created admin %s <%s>\n", a.Name, a.Email)
		return nil
	}
}

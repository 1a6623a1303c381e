package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/wording"
)

// printFailures says why an import's rows failed, as its page does: the
// commonest reasons with their counts, then the first failed rows.
func printFailures(ctx context.Context, e *env, d imports.Deps, im *model.Import) error {
	fs, err := imports.SummariseFailures(ctx, d, im.ID)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "Why rows failed:")
	for _, r := range fs.Reasons {
		fmt.Fprintf(e.stdout, "  %s: %s\n", wording.Count(r.Rows, "row"), r.Reason)
	}
	if fs.Other > 0 {
		fmt.Fprintf(e.stdout, "  %s: other reasons\n", wording.Count(fs.Other, "row"))
	}
	rows := make([]string, len(fs.FirstRows))
	for i, n := range fs.FirstRows {
		rows[i] = strconv.Itoa(n)
	}
	more := ""
	if fs.More {
		more = ", …"
	}
	label := "Failed rows"
	if !fs.More && len(rows) == 1 {
		label = "Failed row"
	} else if fs.More {
		label = "First failed rows"
	}
	fmt.Fprintf(e.stdout, "%s: %s%s\n", label, strings.Join(rows, ", "), more)
	return nil
}

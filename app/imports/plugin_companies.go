package imports

import (
	"context"
	"math"
	"strings"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/plugins/sdk"
)

// pluginCompanyHeader is what a plugin's company records fill, as the
// columns of a companies file.
var pluginCompanyHeader = []string{"Name", "Domains", "Description"}

// pluginCompanyPlanner plans a plugin's company records as rows of a
// companies file with those columns, under the import's mode and blanks.
func pluginCompanyPlanner(im *model.Import) *companyPlanner {
	m, _ := importfile.ParseCompanyMapping(pluginCompanyHeader, []string{"Name=name", "Domains=domains", "Description=description"})
	return &companyPlanner{m: m, params: paramsOf(im)}
}

// writeCompanies creates or updates, within a batch, the company records
// of a plugin's stream as the companies import does (their domains and
// description, a domain never listed twice), and keeps their external
// ids for a resumed stream. A company refused does not stop the import:
// its contacts still join it by name. A dry run writes none.
func (f *file) writeCompanies(ctx context.Context, b *store.ImportTx, cos []*sdk.Company) error {
	if len(cos) == 0 {
		return nil
	}
	names := make(map[string]string, len(cos))
	rows := make([]*companyRow, len(cos))
	for i, co := range cos {
		names[co.ExternalID] = co.Name
		rows[i] = parseCompany(f.co.m, importfile.Row{Cells: []string{co.Name, strings.Join(co.Domains, ", "), co.Description}})
	}
	if !f.co.params.DryRun {
		if err := applyCompanies(ctx, b, f.co, rows); err != nil {
			return err
		}
	}
	return b.SetSourceCompanies(ctx, names)
}

// committed tells a plugin's stream its last batch is stored.
func (f *file) committed() {
	if pr, ok := f.rd.(*pluginRows); ok {
		pr.committed()
	}
}

// finishStream commits what a plugin's stream sent after its last row:
// company records no contact followed, and the place to resume past them.
func (d Deps) finishStream(ctx context.Context, f *file, actor model.Actor, id int64, last int) error {
	pr, ok := f.rd.(*pluginRows)
	if !ok || !pr.tail() {
		return nil
	}
	err := d.Store.ImportBatch(ctx, actor, id, last, func(b *store.ImportTx) (int, model.ImportCounts, error) {
		if err := f.writeDue(ctx, b, math.MaxInt); err != nil {
			return 0, model.ImportCounts{}, err
		}
		return last, model.ImportCounts{}, f.saveCursor(ctx, b, last)
	})
	if err == nil {
		f.committed()
	}
	return err
}

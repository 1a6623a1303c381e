package imports

import (
	"context"
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

// writeCompanies creates or updates, within a batch, the companies of
// the records up to its cursor as the companies import does (their
// domains and description, a domain never listed twice), and keeps their
// external ids for a resumed stream. A company refused does not stop the
// import: its contacts still join it by name. A dry run writes none.
func (f *file) writeCompanies(ctx context.Context, b *store.ImportTx, cos []*sdk.Company) error {
	names := make(map[string]string, len(cos))
	for _, co := range cos {
		names[co.ExternalID] = co.Name
		if f.co.params.DryRun {
			continue
		}
		row := importfile.Row{Cells: []string{co.Name, strings.Join(co.Domains, ", "), co.Description}}
		if _, err := applyCompany(ctx, b, f.co, parseCompany(f.co.m, row)); err != nil {
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

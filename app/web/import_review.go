package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
)

// importReviewPage is the review step: the first rows as they will be
// imported, with each cell's problem, and the dry run's counts.
type importReviewPage struct {
	importBase
	Draft  *model.ImportDraft
	Fields []string // the labels of the fields the file fills
	Rows   []reviewRow
	DryRun *importRun
	// RowsOOB sends the rows with the dry run's last poll, to replace
	// the rows shown before the dry run was done.
	RowsOOB bool
	// NumericPhones are the phone columns an Excel sheet holds as numbers.
	NumericPhones []string
}

// Step numbers the wizard's steps for the step bar.
func (importReviewPage) Step() int { return 3 }

// PreviewRows is how many rows the review shows at most.
func (importReviewPage) PreviewRows() int { return imports.PreviewRows }

// importReview shows the review step; HTMX polls it for the dry run's
// progress alone until the count ends, and the last poll brings the rows
// again with the dry run's reasons. A draft never counted goes back to
// the mapping, where counting starts.
func (s *Server) importReview(c *fiber.Ctx) error {
	d, err := s.loadDraft(c)
	if err != nil {
		return err
	}
	if d.DryRunID == 0 {
		return redirect(c, fmt.Sprintf("%s/import/%d/map", kindOf(c).Path(), d.ID))
	}
	p := importReviewPage{importBase: s.importBase(c, "Review · "+d.Filename), Draft: d}
	if p.DryRun, err = s.importRun(c.UserContext(), d.DryRunID); err != nil {
		return err
	}
	if isPartial(c) && !p.DryRun.State.Finished() {
		return render(c, fiber.StatusOK, "imports/review", "imports/_dry_run", p)
	}
	if err := s.reviewPreview(c, &p); err != nil {
		return redirect(c, fmt.Sprintf("%s/import/%d/map", kindOf(c).Path(), d.ID))
	}
	p.RowsOOB = isPartial(c)
	return render(c, fiber.StatusOK, "imports/review", "imports/_dry_run", p)
}

// reviewPreview reads the first rows of the draft's file and, once the
// dry run is done, marks those it failed at match time, such as a row
// of a deleted contact, which the file alone cannot tell.
func (s *Server) reviewPreview(c *fiber.Ctx, p *importReviewPage) error {
	dl, err := imports.DraftDialect(p.Draft)
	if err != nil {
		return err
	}
	pre, err := s.previewFor(c.UserContext(), imports.Kind(p.Draft.Kind), p.Draft.Path, dl, p.Draft.Mapping)
	if err != nil {
		return err
	}
	p.Fields, p.Rows = reviewRows(pre)
	p.NumericPhones = pre.NumericPhones()
	if p.DryRun.State != model.JobDone || p.DryRun.Failed == 0 || len(p.Rows) == 0 {
		return nil
	}
	reasons, err := imports.FailureReasons(c.UserContext(), s.imports, p.DryRun.ID, p.Rows[len(p.Rows)-1].Number)
	if err != nil {
		return err
	}
	addFailures(p.Rows, reasons)
	return nil
}

// ModeText says which options the dry run counted with.
func (p importReviewPage) ModeText() string {
	return optionsText(p.DryRun.Mode, p.DryRun.Match, p.Kind.Plural())
}

// optionsText words an import's mode and match key for records named
// plural.
func optionsText(mode, match, plural string) string {
	m := map[string]string{"create": "creating new " + plural + " only", "update": "updating existing " + plural + " only",
		"upsert": "creating and updating " + plural}[mode]
	k := map[string]string{"email": "email address", "external_id": "external ID", "twitter_id": "X handle", "phone": "phone number",
		"name": "name, ignoring case"}[match]
	return m + ", matched by " + k
}

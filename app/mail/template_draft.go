package mail

import (
	"context"

	"github.com/portico-hub/portico/app/model"
)

// Preview checks an admin's edit of a template and, when it renders,
// keeps it as that admin's draft, so the preview frame can load its HTML
// part by URL; the saved template stays as it was.
func (ts *Templates) Preview(ctx context.Context, agentID int64, t Template) (Rendered, error) {
	r, err := t.Validate()
	if err != nil {
		return r, err
	}
	draft := model.EmailTemplate{Key: t.Key, Subject: t.Subject, HTML: t.HTML, Text: t.Text}
	return r, ts.Store.SaveEmailTemplateDraft(ctx, agentID, draft)
}

// Draft renders an admin's draft of a template with sample data; a key
// they have not previewed is ErrNotFound.
func (ts *Templates) Draft(ctx context.Context, agentID int64, key string) (Rendered, error) {
	d, err := ts.Store.EmailTemplateDraft(ctx, agentID, key)
	if err != nil {
		return Rendered{}, err
	}
	return Template{Key: d.Key, Subject: d.Subject, HTML: d.HTML, Text: d.Text}.Validate()
}

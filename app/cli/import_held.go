package cli

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/wording"
)

// heldActivations words, for the end of the command's output, the
// activation emails an import holds back: a cancelled or failed import
// sends none, and an interrupted one none until it finishes. It is ""
// when no email waits, or when the import finished as done and queued
// them for the server. The import's page is a full link from base, the
// server's public URL.
func heldActivations(ctx context.Context, d imports.Deps, im *model.Import, base string) string {
	if !im.SendActivation || im.DryRun || im.Kind != string(imports.KindContacts) || im.State == model.JobDone {
		return ""
	}
	n, err := d.Store.CountImportActivations(ctx, im.ID)
	if err != nil || n == 0 {
		return ""
	}
	page := fmt.Sprintf("%s/contacts/imports/%d", base, im.ID)
	switch im.State {
	case model.JobCancelled:
		return fmt.Sprintf("%s created by this import %s not sent the activation email, because the import was cancelled. "+
			"To send it, open the import's page in Portico: %s", wording.Count(n, "contact"), wording.Pick(n, "was", "were"), page)
	case model.JobFailed:
		return fmt.Sprintf("%s created by this import %s not sent the activation email, because the import stopped with an error. "+
			"To send it, open the import's page in Portico: %s", wording.Count(n, "contact"), wording.Pick(n, "was", "were"), page)
	}
	return fmt.Sprintf("No activation email was sent: the %s created so far get it only if the import finishes. "+
		"To stop the import for good instead, cancel it on its page in Portico: %s", wording.Count(n, "contact"), page)
}

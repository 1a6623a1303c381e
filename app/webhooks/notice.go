package webhooks

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Notice returns the composer of the email every active admin receives
// when an endpoint is disabled. baseURL links to the endpoint's page.
func Notice(m *mail.Mailer, baseURL string) store.DisabledNotice {
	return func(ep *model.WebhookEndpoint) ([]model.NewMail, error) {
		ctx := context.Background()
		agents, err := m.Store.ListAgents(ctx)
		if err != nil {
			return nil, err
		}
		var to []mail.Recipient
		for _, a := range agents {
			if a.Active && a.IsAdmin() {
				to = append(to, mail.Recipient{Name: a.Name, Address: a.Email})
			}
		}
		if len(to) == 0 {
			return nil, nil
		}
		link := fmt.Sprintf("%s/admin/webhooks/%d", baseURL, ep.ID)
		return m.ComposeAll(ctx, mail.KeyWebhookDisabled, to, func(mail.Recipient) mail.Data {
			return mail.Data{Link: link, WebhookURL: ep.URL, Reason: ep.DisabledReason}
		})
	}
}

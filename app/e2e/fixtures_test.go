package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// The agent that signIn uses; createAdmin makes it.
const (
	adminName     = "Ada Admin"
	adminEmail    = "ada@portico.test"
	adminPassword = "correct horse battery"
)

// e2eActor signs the changes tests make directly through the store.
var e2eActor = model.Actor{Name: "Seed"}

// createAdmin creates the first admin, whom signIn signs in as.
func (p *portico) createAdmin(t *testing.T) *model.Agent {
	t.Helper()
	svc := &agent.Service{Store: p.Store, SessionTTL: time.Hour}
	a, err := svc.CreateFirstAdmin(context.Background(), agent.Input{Name: adminName, Email: adminEmail, Password: adminPassword})
	if err != nil {
		t.Fatalf("create admin: %v", err)
	}
	return a
}

// createContact creates a contact straight in the store; the first email
// is the primary one.
func (p *portico) createContact(t *testing.T, c store.NewContact) int64 {
	t.Helper()
	id, err := p.Store.CreateContact(context.Background(), e2eActor, c)
	if err != nil {
		t.Fatalf("create contact %q: %v", c.Fields.Name, err)
	}
	return id
}

// contact is a shorthand for the usual contact: a name and emails.
func contact(name string, emails ...string) store.NewContact {
	return store.NewContact{Fields: model.ContactFields{Name: name}, Emails: emails}
}

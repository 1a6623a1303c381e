package ticket

import (
	"context"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
)

// Request raises a ticket from a visitor who is not signed in, when
// Admin > Portal settings lets everyone submit; otherwise it is
// ErrForbidden. The address finds its contact (any of the contact's
// addresses) or creates an unverified one, which is sent the activation
// email when Admin > Notifications says so. The address is emailed
// that the request arrived. Only a validation error ever comes back
// about the request itself: a known, unknown or refused address (an
// agent's, a blocked or deleted contact's) all end the same way, so
// nobody learns which addresses are known.
func (s *Service) Request(ctx context.Context, name, email string, in Input) error {
	ps, err := s.Store.PortalSettings(ctx)
	if err != nil {
		return err
	}
	if !ps.Anyone() {
		return fmt.Errorf("ticket: only signed-in customers may submit: %w", model.ErrForbidden)
	}
	name, email, rerr := contact.Requester(name, email)
	in, ierr := in.Validate()
	if err := joinInvalid(rerr, ierr); err != nil {
		return err
	}
	m, err := s.receivedMail(ctx, ps.Name, name, email, in.Subject)
	if err != nil {
		return err
	}
	out, err := s.Store.SubmitRequest(ctx, activation.PortalActor, model.TicketRequest{Name: name, Email: email,
		Subject: in.Subject, Description: in.Description, Mail: &m})
	if err != nil || !out.NewContact {
		return err
	}
	if _, err := s.Activation.SendAuto(ctx, activation.PortalActor, out.ContactID); err != nil {
		return fmt.Errorf("ticket: activation email of new contact %d: %w", out.ContactID, err)
	}
	return nil
}

// receivedMail composes the confirmation, greeting a known contact by
// the name on record rather than the one typed.
func (s *Service) receivedMail(ctx context.Context, portal, name, email, subject string) (model.NewMail, error) {
	t, err := s.Store.LinkTargetByEmail(ctx, email)
	switch {
	case err == nil:
		name = t.Name
	case !errors.Is(err, model.ErrNotFound):
		return model.NewMail{}, err
	}
	return s.Mailer.Compose(ctx, mail.KeyTicketReceived, mail.Recipient{Name: name, Address: email},
		mail.Data{TicketSubject: subject, PortalName: portal, Link: s.BaseURL + "/portal/tickets"})
}

// joinInvalid merges the fields of validation errors into one.
func joinInvalid(errs ...error) error {
	v := &model.ValidationError{}
	for _, err := range errs {
		var ve *model.ValidationError
		if errors.As(err, &ve) {
			for f, msg := range ve.Fields {
				v.Add(f, msg)
			}
		}
	}
	return v.Err()
}

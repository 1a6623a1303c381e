package portal

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/portico-hub/portico/app/model"
)

// Settings returns who may submit tickets and sign up, what customers
// may edit, and the portal's name.
func (s *Service) Settings(ctx context.Context) (model.PortalSettings, error) {
	return s.Store.PortalSettings(ctx)
}

// SaveSettings stores the portal settings, with an audit entry, after
// folding the name's runs of spaces into one; a missing or overlong name
// is refused with a message on the name field.
func (s *Service) SaveSettings(ctx context.Context, by model.Actor, ps *model.PortalSettings) error {
	ps.Name = strings.Join(strings.Fields(ps.Name), " ")
	if msg := nameProblem(ps.Name); msg != "" {
		return model.Invalid("name", msg)
	}
	if ps.Submitters != model.SubmitEveryone {
		ps.Submitters = model.SubmitLoggedIn
	}
	return s.Store.SetPortalSettings(ctx, by, *ps)
}

// nameProblem says what is wrong with a portal name, if anything.
func nameProblem(name string) string {
	switch n := utf8.RuneCountInString(name); {
	case !utf8.ValidString(name) || n == 0:
		return "Enter the name your customers know you by, such as “Acme Support”."
	case n > 80:
		return "Use at most 80 characters."
	}
	return ""
}

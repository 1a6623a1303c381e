package web

import (
	"context"
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// passkeysHome is where the passkeys section lives: the portal profile.
const passkeysHome = "/portal/profile#passkeys"

// passkeysSection is the data of the portal/_passkeys fragment, which a
// profile page includes with {{template "portal/_passkeys" .Passkeys}}.
type passkeysSection struct {
	CSRF        string
	Passkeys    []model.Passkey
	HasPassword bool
	Enabled     bool // false when the base URL rules passkeys out
	Error       string
	// New is the passkey just created, whose name is offered to change.
	New int64
}

// passkeysSectionFor builds the passkeys section of a contact's profile.
func (s *Server) passkeysSectionFor(c *fiber.Ctx, contactID int64) (passkeysSection, error) {
	sec := passkeysSection{CSRF: csrfOf(c), Enabled: s.passkeys != nil}
	sec.New, _ = strconv.ParseInt(c.Query("new"), 10, 64)
	if s.passkeys == nil {
		return sec, nil
	}
	var err error
	if sec.Passkeys, err = s.passkeys.List(c.UserContext(), contactID); err != nil {
		return sec, err
	}
	sec.HasPassword, err = s.portal.HasPassword(c.UserContext(), contactID)
	return sec, err
}

// passkeyRename renames one of the signed-in customer's passkeys.
func (s *Server) passkeyRename(c *fiber.Ctx) error {
	return s.passkeyChange(c, "Passkey renamed.", func(ctx context.Context, contactID, id int64) error {
		return s.passkeys.Rename(ctx, contactID, id, c.FormValue("name"))
	})
}

// passkeyRemove removes one of the signed-in customer's passkeys, unless
// it is their last way to sign in.
func (s *Server) passkeyRemove(c *fiber.Ctx) error {
	return s.passkeyChange(c, "Passkey removed.", s.passkeys.Remove)
}

// passkeyChange is the shape both changes share: find the customer and
// the passkey id, make the change, then answer with the section (HTMX) or
// a redirect to the profile. A refusal the customer can fix is shown in
// the section, or as a flash after the redirect.
func (s *Server) passkeyChange(c *fiber.Ctx, done string, change func(ctx context.Context, contactID, id int64) error) error {
	if s.passkeys == nil {
		return errPasskeysOff
	}
	ct, err := s.customer(c)
	if err != nil {
		return err
	}
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	msg := done
	if err := change(c.UserContext(), ct.ID, id); err != nil {
		if msg = changeRefusal(err); msg == "" {
			return err
		}
	}
	if !isPartial(c) {
		flash(c, msg)
		return redirect(c, passkeysHome)
	}
	sec, err := s.passkeysSectionFor(c, ct.ID)
	if err != nil {
		return err
	}
	if msg != done {
		sec.Error = msg
	} else {
		flash(c, msg)
	}
	return render(c, fiber.StatusOK, "portal/_passkeys", "portal/_passkeys", sec)
}

// changeRefusal words the refusals of a rename or removal, or returns ""
// for an error that is not the customer's to fix.
func changeRefusal(err error) string {
	if errors.Is(err, model.ErrLastSignIn) {
		return "This is your only way to sign in. Add another passkey or set a password before removing it."
	}
	if fields, ok := fieldErrors(err); ok {
		return fields["name"]
	}
	return ""
}

package passkey

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/portico-hub/portico/app/model"
)

// MaxName is the longest passkey name, in characters.
const MaxName = 60

// cleanName trims a passkey name and checks its length.
func cleanName(name string) (string, error) {
	name = strings.Join(strings.Fields(name), " ")
	if utf8.RuneCountInString(name) > MaxName {
		return "", model.Invalid("name", "A passkey name can be at most "+strconv.Itoa(MaxName)+" characters.")
	}
	return name, nil
}

// nameFor returns the name a new passkey gets: the one given, or
// "Passkey", "Passkey 2"... after the contact's existing passkeys.
func (s *Service) nameFor(ctx context.Context, contactID int64, name string) (string, error) {
	name, err := cleanName(name)
	if err != nil || name != "" {
		return name, err
	}
	ps, err := s.Store.Passkeys(ctx, contactID)
	if err != nil {
		return "", err
	}
	if len(ps) == 0 {
		return "Passkey", nil
	}
	return "Passkey " + strconv.Itoa(len(ps)+1), nil
}

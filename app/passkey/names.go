package passkey

import (
	"cmp"
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

// nameFor returns the name a new passkey gets: the one given, else its
// provider's (from the AAGUID) or the browser and system it was made in,
// else "Passkey"; numbered ("Google Password Manager 2") when the
// contact already has a passkey of that name.
func (s *Service) nameFor(ctx context.Context, contactID int64, given string, aaguid []byte, userAgent string) (string, error) {
	name, err := cleanName(given)
	if err != nil || name != "" {
		return name, err
	}
	name = cmp.Or(s.Providers.Name(aaguid), deviceName(userAgent), "Passkey")
	name, _ = cleanName(truncate(name, MaxName-3))
	ps, err := s.Store.Passkeys(ctx, contactID)
	if err != nil {
		return "", err
	}
	taken := make(map[string]bool, len(ps))
	for _, p := range ps {
		taken[p.Name] = true
	}
	out := name
	for n := 2; taken[out]; n++ {
		out = name + " " + strconv.Itoa(n)
	}
	return out, nil
}

// truncate cuts s to at most n characters.
func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

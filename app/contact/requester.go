package contact

import (
	"strings"
	"unicode/utf8"

	"github.com/portico-hub/portico/app/address"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/oneline"
)

// Requester checks the name and address a visitor gives the portal, to
// sign up or to submit a ticket without signing in, and returns them
// cleaned. Its messages speak to the visitor.
func Requester(name, email string) (string, string, error) {
	name, email = oneline.Clean(name), strings.TrimSpace(email)
	v := &model.ValidationError{}
	switch {
	case !utf8.ValidString(name) || !visible(name):
		v.Add("name", "Enter your name.")
	case utf8.RuneCountInString(name) > limits["name"]:
		v.Add("name", "Use at most 200 characters.")
	}
	if msg := address.Problem(email); msg != "" {
		v.Add("email", msg)
	}
	return name, email, v.Err()
}

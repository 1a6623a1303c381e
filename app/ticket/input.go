package ticket

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/portico-hub/portico/app/model"
)

// Most characters of a subject and a description.
const (
	MaxSubject     = 200
	MaxDescription = 20000
)

// Input is a new ticket as submitted.
type Input struct {
	Subject     string
	Description string
}

// Validate trims the subject to one line and the description's line
// breaks to LF, and checks both are there and not too long.
func (in Input) Validate() (Input, error) {
	out := Input{
		Subject:     strings.Join(strings.Fields(in.Subject), " "),
		Description: strings.TrimSpace(strings.ReplaceAll(in.Description, "\r\n", "\n")),
	}
	v := &model.ValidationError{}
	check(v, "subject", out.Subject, MaxSubject, "Enter a subject: a few words about your request.")
	check(v, "description", out.Description, MaxDescription, "Describe your request.")
	return out, v.Err()
}

func check(v *model.ValidationError, field, val string, max int, missing string) {
	switch n := utf8.RuneCountInString(val); {
	case !utf8.ValidString(val):
		v.Add(field, "This text is not valid UTF-8; paste it again or retype it.")
	case n == 0:
		v.Add(field, missing)
	case n > max:
		v.Add(field, fmt.Sprintf("Use at most %d characters (this has %d).", max, n))
	}
}

package contact

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/portico-hub/portico/app/address"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/oneline"
)

// Input is a contact form as submitted: free text, not yet trusted.
type Input struct {
	Name, JobTitle, Phone, Mobile, Language, TimeZone, ExternalID, About string
	// TwitterID is the X (Twitter) handle, with or without its @, or the
	// profile's address; Address is a postal address over several lines.
	TwitterID, Address string
	// Emails are the addresses, primary first; blanks are ignored.
	Emails []string
	// Tags is a comma-separated list.
	Tags string
	// CompanyID links a new contact to this company, besides those its
	// addresses' domains link, as when it is created from the company's
	// page; zero for none.
	CompanyID int64
}

// limits caps each field's length in characters.
var limits = map[string]int{
	"name": 200, "job_title": 200, "phone": 50, "mobile": 50, "language": 35,
	"time_zone": 64, "external_id": 200, "address": 1000, "about": 5000,
}

var phonePattern = regexp.MustCompile(`^\+?[0-9 ().\-/]{3,50}( ?(x|ext\.?) ?[0-9]{1,6})?$`)

// Fields validates and normalises the scalar fields. A time zone or a
// language given by the name Freshdesk exports ("Seoul", "Korean") is
// stored as its IANA zone or language code, and an X handle without its
// @ or profile address. About and Address keep their line breaks as LF
// alone: browsers send a textarea's as CRLF, and CSV readers turn CRLF
// into LF, so an exported file would not read back the same.
func (in Input) Fields() (model.ContactFields, error) {
	f := model.ContactFields{
		Name: oneline.Clean(in.Name), JobTitle: oneline.Clean(in.JobTitle), Phone: oneline.Clean(in.Phone), Mobile: oneline.Clean(in.Mobile),
		Language: languageCode(oneline.Clean(in.Language)), TimeZone: zoneName(oneline.Clean(in.TimeZone)), ExternalID: oneline.Clean(in.ExternalID),
		TwitterID: TwitterHandle(oneline.Clean(in.TwitterID)), Address: multiline(in.Address), About: multiline(in.About),
	}
	v := &model.ValidationError{}
	if !visible(f.Name) {
		v.Add("name", "Enter the contact's name.")
	}
	// Arrays, not maps: imports validate a million rows through here.
	for _, fv := range [...]struct{ field, val string }{
		{"name", f.Name}, {"job_title", f.JobTitle}, {"phone", f.Phone}, {"mobile", f.Mobile},
		{"language", f.Language}, {"time_zone", f.TimeZone}, {"external_id", f.ExternalID}, {"address", f.Address}, {"about", f.About},
	} {
		if !utf8.ValidString(fv.val) {
			v.Add(fv.field, "This text is not valid UTF-8; paste it again or retype it.")
		} else if n := utf8.RuneCountInString(fv.val); n > limits[fv.field] {
			v.Add(fv.field, fmt.Sprintf("Use at most %d characters (this has %d).", limits[fv.field], n))
		}
	}
	for _, fv := range [...]struct{ field, val string }{{"phone", f.Phone}, {"mobile", f.Mobile}} {
		if fv.val != "" && !phonePattern.MatchString(fv.val) {
			v.Add(fv.field, "Enter a phone number using digits, spaces, +, -, ( and ).")
		}
	}
	if msg := twitterProblem(in.TwitterID, f.TwitterID); msg != "" {
		v.Add("twitter_id", msg)
	}
	if f.TimeZone != "" {
		if _, err := time.LoadLocation(f.TimeZone); err != nil || f.TimeZone == "Local" {
			v.Add("time_zone", "Choose a time zone such as Europe/Berlin or Asia/Seoul (a Rails name such as Seoul also works).")
		}
	}
	return f, v.Err()
}

// Validate checks the whole form: fields, addresses, tags, and that the
// contact can be reached by at least one of email, phone, mobile, X
// handle or external id.
func (in Input) Validate() (model.ContactFields, []string, []string, error) {
	c := in.Check()
	return c.Fields, c.Emails, c.Tags, c.Err
}

// Checked is an Input as Check found it.
type Checked struct {
	// Fields, Emails and Tags are the cleaned values, as Validate returns
	// them; Emails is nil when EmailsErr is set.
	Fields       model.ContactFields
	Emails, Tags []string
	// EmailsErr is the addresses' own problem, if any.
	EmailsErr error
	// Err is every problem of the form, as Validate reports it.
	Err error
}

// Check is Validate keeping apart what an importer needs, so a row is
// checked once however many of the results it uses.
func (in Input) Check() Checked {
	f, err := in.Fields()
	v, _ := err.(*model.ValidationError)
	if v == nil {
		v = &model.ValidationError{}
	}
	emails, eerr := Emails(in.Emails)
	merge(v, eerr)
	tags, terr := Tags(in.Tags)
	merge(v, terr)
	if len(emails) == 0 && !Reachable(f) && eerr == nil {
		v.Add("email", Unreachable)
	}
	return Checked{Fields: f, Emails: emails, Tags: tags, EmailsErr: eerr, Err: v.Err()}
}

// Unreachable is the message for a contact with no way to reach it.
const Unreachable = "Give at least one of email, phone, mobile, X handle or external ID."

// Reachable reports whether fields alone give a way to reach the contact,
// as Freshdesk counts them: a phone, a mobile, an X handle or an external
// id. Addresses count too; the caller checks those.
func Reachable(f model.ContactFields) bool {
	return f.Phone != "" || f.Mobile != "" || f.TwitterID != "" || f.ExternalID != ""
}

// multiline trims a text of several lines and keeps its line breaks as LF.
func multiline(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}

// merge copies the messages of a validation error into v.
func merge(v *model.ValidationError, err error) {
	if e, ok := err.(*model.ValidationError); ok {
		for f, m := range e.Fields {
			v.Add(f, m)
		}
	}
}

// Emails validates addresses, drops blanks and refuses repeats and more
// than model.MaxEmails.
func Emails(in []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, e := range in {
		e = strings.TrimSpace(e)
		if e == "" {
			continue
		}
		if msg := address.Problem(e); msg != "" {
			return nil, model.Invalid("email", fmt.Sprintf("“%s”: %s", e, msg))
		}
		if seen[strings.ToLower(e)] {
			return nil, model.Invalid("email", e+" is listed twice.")
		}
		seen[strings.ToLower(e)] = true
		out = append(out, e)
	}
	if len(out) > model.MaxEmails {
		return nil, model.Invalid("email", fmt.Sprintf("A contact can have at most %d email addresses.", model.MaxEmails))
	}
	return out, nil
}

// Tags splits a comma-separated list, trimming and de-duplicating
// case-insensitively.
func Tags(s string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, t := range strings.Split(s, ",") {
		t = oneline.Clean(t)
		if t == "" || seen[strings.ToLower(t)] {
			continue
		}
		if utf8.RuneCountInString(t) > 50 {
			return nil, model.Invalid("tags", fmt.Sprintf("Tags are at most 50 characters; “%s” is longer.", t))
		}
		seen[strings.ToLower(t)] = true
		out = append(out, t)
	}
	if len(out) > 50 {
		return nil, model.Invalid("tags", "A contact can have at most 50 tags.")
	}
	return out, nil
}

// visible reports whether s has a character a person can see, so a name of
// zero-width spaces counts as no name.
func visible(s string) bool {
	for _, r := range s {
		if unicode.IsGraphic(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
			return true
		}
	}
	return false
}

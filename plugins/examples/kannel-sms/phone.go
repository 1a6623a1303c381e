package main

import (
	"context"
	"strings"

	"github.com/portico-hub/portico/plugins/sdk"
)

// ValidateAddress accepts a phone number in international form (+82 10
// 1234 5678, 0082...) or, with country_code set, in national form
// (010-1234-5678), and returns it as E.164: + and 8 to 15 digits.
func (g *gateway) ValidateAddress(_ context.Context, kind, address string) (string, error) {
	if kind != "phone" {
		return "", sdk.InvalidAddress("this channel sends to phone numbers only")
	}
	return normalizePhone(address, g.cfg.CountryCode)
}

func normalizePhone(address, country string) (string, error) {
	digits := strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9' || r == '+':
			return r
		case strings.ContainsRune(" -./()\u00a0", r):
			return -1
		}
		return 'x'
	}, strings.TrimSpace(address))
	switch {
	case strings.ContainsAny(digits, "x") || strings.LastIndex(digits, "+") > 0:
		return "", sdk.InvalidAddress("a phone number has only digits, spaces, dashes and a leading +")
	case strings.HasPrefix(digits, "+"):
	case strings.HasPrefix(digits, "00"):
		digits = "+" + digits[2:]
	case strings.HasPrefix(digits, "0") && country != "":
		digits = "+" + country + digits[1:]
	default:
		return "", sdk.InvalidAddress("write the number with its country code, e.g. +44 20 7946 0000")
	}
	if n := len(digits) - 1; n < 8 || n > 15 || digits[1] == '0' {
		return "", sdk.InvalidAddress("an international number has 8 to 15 digits after the + and no 0 right after it")
	}
	return digits, nil
}

package web

import (
	"net/url"
	"path"
	"strings"
)

// safeNext keeps an agent's post-sign-in redirect on this site.
func safeNext(next string) string { return localNext(next, "/", "/contacts") }

// safePortalNext keeps a customer's post-sign-in redirect in the portal.
func safePortalNext(next string) string { return localNext(next, "/portal", "/portal") }

// portalNext keeps where to go after a passkey ceremony in the portal,
// defaulting to def.
func portalNext(next, def string) string { return localNext(next, "/portal", def) }

// localNext returns next when it is a path under within on this site,
// and def otherwise. Browsers forgive much in a Location: they drop tabs
// and line breaks, read "\" as "/" and "//" as the start of a host, so
// "/\t/evil.example" leads away. Rather than list the tricks, next must
// parse as a bare path (with a query or fragment) that, decoded, holds no
// control character, no backslash, no empty segment and no dot segment,
// which would climb out of within.
func localNext(next, within, def string) string {
	if !strings.HasPrefix(next, "/") || !plain(next) {
		return def
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return def
	}
	if !plain(u.Path) || !canonical(u.Path) || !under(u.Path, within) {
		return def
	}
	return next
}

// plain reports whether s has no control character and no backslash.
func plain(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\\' })
}

// canonical reports whether path is already clean: no "//", "." or
// ".." segment; a trailing slash is allowed.
func canonical(p string) bool {
	return p == "/" || path.Clean(p) == strings.TrimSuffix(p, "/")
}

func under(p, within string) bool {
	return within == "/" || p == within || strings.HasPrefix(p, within+"/")
}

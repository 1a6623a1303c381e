package main

import (
	"context"

	"github.com/emersion/go-webdav/carddav"

	"github.com/portico-hub/portico/plugins/sdk"
)

// Lookup runs one addressbook-query (RFC 6352) per query: contacts by any
// of their emails, companies by name or by a domain in their web sites.
// Matching is the server's, case-insensitive (i;unicode-casemap).
func (b *book) Lookup(ctx context.Context, queries []sdk.LookupQuery) ([][]sdk.Change, error) {
	out := make([][]sdk.Change, len(queries))
	for i, q := range queries {
		filters := lookupFilters(q)
		if len(filters) == 0 {
			continue
		}
		objs, err := b.dav.QueryAddressBook(ctx, b.base.Path, &carddav.AddressBookQuery{
			DataRequest: carddav.AddressDataRequest{AllProp: true}, PropFilters: filters, FilterTest: carddav.FilterAnyOf})
		if err != nil {
			return nil, davError("addressbook-query", err)
		}
		for _, o := range objs {
			c := cardChange(remoteID(o.Path), quoteETag(o.ETag), o.ModTime, o.Card)
			if c.Object == q.Object && c.Error == "" {
				out[i] = append(out[i], c)
			}
		}
	}
	return out, nil
}

func lookupFilters(q sdk.LookupQuery) []carddav.PropFilter {
	var fs []carddav.PropFilter
	match := func(prop, text string, how carddav.MatchType) {
		if text != "" {
			fs = append(fs, carddav.PropFilter{Name: prop, TextMatches: []carddav.TextMatch{{Text: text, MatchType: how}}})
		}
	}
	if q.Object == sdk.ObjectContact {
		for _, e := range q.Emails {
			match("EMAIL", e, carddav.MatchEquals)
		}
		return fs
	}
	match("FN", q.Name, carddav.MatchEquals)
	for _, d := range q.Domains {
		match("URL", d, carddav.MatchContains)
	}
	return fs
}

package main

import (
	"context"
	"errors"
	"strings"

	"github.com/emersion/go-webdav/carddav"

	"github.com/portico-hub/portico/plugins/sdk"
)

// fetch turns a run of entries into changes: tombstones for the gone ones,
// the cards of the others from one addressbook-multiget. go-webdav fails a
// whole multiget on one card it cannot parse, so then each card is read on
// its own and only the broken one becomes an error change.
func (b *book) fetch(ctx context.Context, entries []entry) ([]sdk.Change, error) {
	var paths []string
	for _, e := range entries {
		if !e.gone {
			paths = append(paths, b.objectPath(e.id))
		}
	}
	byID := map[string]sdk.Change{}
	if len(paths) > 0 {
		objs, err := b.dav.MultiGetAddressBook(ctx, b.base.Path, &carddav.AddressBookMultiGet{Paths: paths,
			DataRequest: carddav.AddressDataRequest{AllProp: true}})
		if isClassified(err) {
			return nil, err
		}
		if err != nil {
			return b.fetchOneByOne(ctx, entries)
		}
		for _, o := range objs {
			byID[remoteID(o.Path)] = cardChange(remoteID(o.Path), quoteETag(o.ETag), o.ModTime, o.Card)
		}
	}
	out := make([]sdk.Change, 0, len(entries))
	for _, e := range entries {
		c, ok := byID[e.id]
		if !ok { // deleted, or deleted between the report and the multiget
			c = tombstone(e.id)
		}
		out = append(out, c)
	}
	return out, nil
}

func (b *book) fetchOneByOne(ctx context.Context, entries []entry) ([]sdk.Change, error) {
	out := make([]sdk.Change, 0, len(entries))
	for _, e := range entries {
		if e.gone {
			out = append(out, tombstone(e.id))
			continue
		}
		o, err := b.dav.GetAddressObject(ctx, b.objectPath(e.id))
		switch {
		case isClassified(err):
			return nil, err
		case err != nil && strings.HasPrefix(err.Error(), "404 "):
			out = append(out, tombstone(e.id))
		case err != nil:
			out = append(out, sdk.Change{Op: sdk.OpUpsert, Object: sdk.ObjectContact, RemoteID: e.id,
				Error: "the server's vCard cannot be read: " + err.Error()})
		default:
			out = append(out, cardChange(e.id, quoteETag(o.ETag), o.ModTime, o.Card))
		}
	}
	return out, nil
}

func tombstone(id string) sdk.Change {
	// The sync report names no type for a gone card: the host knows from
	// its link what the id stood for.
	return sdk.Change{Op: sdk.OpDelete, RemoteID: id}
}

func isClassified(err error) bool {
	var e *sdk.Error
	return errors.As(err, &e) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"time"

	"github.com/emersion/go-vcard"

	"github.com/portico-hub/portico/plugins/sdk"
)

// Push writes each change with a precondition, in order: a create may not
// find the card there (If-None-Match: *), an update or delete must find
// the version the host last saw (If-Match).
func (b *book) Push(ctx context.Context, changes []sdk.Change) ([]sdk.PushResult, error) {
	out := make([]sdk.PushResult, len(changes))
	for i, c := range changes {
		out[i] = b.apply(ctx, c)
	}
	return out, nil
}

func (b *book) apply(ctx context.Context, c sdk.Change) sdk.PushResult {
	if c.IdempotencyKey == "" {
		return sdk.PushResult{Status: sdk.PushInvalid, Message: "the change has no idempotency key"}
	}
	if c.Op == sdk.OpDelete {
		return b.remove(ctx, c)
	}
	values := c.Values
	if len(values) == 0 {
		values = recordValues(c.Record)
	}
	for _, f := range []string{"uid", "rev"} {
		if _, ok := values[f]; ok {
			return sdk.PushResult{Status: sdk.PushInvalid, Message: "the field " + f + " is read-only"}
		}
	}
	if len(values) == 0 {
		return sdk.PushResult{Status: sdk.PushInvalid, Message: "the change has neither values nor a record"}
	}
	if c.RemoteID == "" {
		return b.create(ctx, c, values)
	}
	return b.update(ctx, c, values)
}

// create writes a new card whose name and UID derive from the idempotency
// key, so a retried create finds its own card instead of making another.
func (b *book) create(ctx context.Context, c sdk.Change, values map[string][]string) sdk.PushResult {
	sum := sha256.Sum256([]byte(c.IdempotencyKey))
	uid := hex.EncodeToString(sum[:16])
	id := uid + ".vcf"
	card := newCard(c.Object, uid)
	applyValues(card, values)
	return b.write(ctx, c, id, card, "If-None-Match", "*")
}

func (b *book) update(ctx context.Context, c sdk.Change, values map[string][]string) sdk.PushResult {
	cur, err := b.get(ctx, c.RemoteID)
	if err != nil {
		return failed(err)
	}
	if cur.status == http.StatusNotFound {
		return sdk.PushResult{Status: sdk.PushNotFound, RemoteID: c.RemoteID, Message: "the card is gone"}
	}
	if cur.card.Value(changeKey) == c.IdempotencyKey {
		return sdk.PushResult{Status: sdk.PushOK, RemoteID: c.RemoteID, NewVersion: cur.etag}
	}
	if cur.etag != c.BaseVersion {
		return b.conflict(c.RemoteID, cur)
	}
	applyValues(cur.card, values)
	return b.write(ctx, c, c.RemoteID, cur.card, "If-Match", c.BaseVersion)
}

// write PUTs the card under the precondition and reads a refusal: 412 is a
// conflict unless the card there carries this change's key (the earlier
// attempt went through and only its answer was lost).
func (b *book) write(ctx context.Context, c sdk.Change, id string, card vcard.Card, cond, value string) sdk.PushResult {
	if card.Value(vcard.FieldFormattedName) == "" {
		return sdk.PushResult{Status: sdk.PushInvalid, Message: "a card needs a name (fn)"}
	}
	card.SetValue(changeKey, c.IdempotencyKey)
	card.SetRevision(time.Now())
	status, etag, msg, err := b.put(ctx, id, card, cond, value)
	switch {
	case err != nil:
		return failed(err)
	case status == http.StatusPreconditionFailed:
		cur, err := b.get(ctx, id)
		if err != nil {
			return failed(err)
		}
		if cur.status == http.StatusOK && cur.card.Value(changeKey) == c.IdempotencyKey {
			return sdk.PushResult{Status: sdk.PushOK, RemoteID: id, NewVersion: cur.etag}
		}
		return b.conflict(id, cur)
	case status == http.StatusNotFound:
		return sdk.PushResult{Status: sdk.PushNotFound, RemoteID: id, Message: msg}
	case status >= 300:
		return sdk.PushResult{Status: sdk.PushInvalid, RemoteID: c.RemoteID, Message: "the server refused the card: " + msg}
	}
	if etag == "" {
		cur, err := b.get(ctx, id)
		if err != nil {
			return failed(err)
		}
		etag = cur.etag
	}
	return sdk.PushResult{Status: sdk.PushOK, RemoteID: id, NewVersion: etag}
}

func (b *book) remove(ctx context.Context, c sdk.Change) sdk.PushResult {
	h := http.Header{}
	if c.BaseVersion != "" {
		h.Set("If-Match", c.BaseVersion)
	}
	resp, err := b.request(ctx, http.MethodDelete, c.RemoteID, h, nil)
	if err != nil {
		return failed(err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return sdk.PushResult{Status: sdk.PushNotFound, RemoteID: c.RemoteID, Message: "the card was gone already"}
	case resp.StatusCode == http.StatusPreconditionFailed:
		cur, err := b.get(ctx, c.RemoteID)
		if err != nil {
			return failed(err)
		}
		return b.conflict(c.RemoteID, cur)
	case resp.StatusCode >= 300:
		return sdk.PushResult{Status: sdk.PushInvalid, RemoteID: c.RemoteID, Message: explain(resp)}
	}
	return sdk.PushResult{Status: sdk.PushOK, RemoteID: c.RemoteID}
}

// conflict describes the card as it is now, so the host can apply its
// rule without pulling first.
func (b *book) conflict(id string, cur current) sdk.PushResult {
	if cur.status == http.StatusNotFound {
		return sdk.PushResult{Status: sdk.PushNotFound, RemoteID: id, Message: "the card is gone"}
	}
	now := cardChange(id, cur.etag, time.Time{}, cur.card)
	return sdk.PushResult{Status: sdk.PushConflict, RemoteID: id, CurrentVersion: cur.etag, Current: &now,
		Message: "the card changed on the server since version " + cur.etag}
}

// failed turns an error of the connection into the change's status.
func failed(err error) sdk.PushResult {
	var e *sdk.Error
	if !errors.As(err, &e) {
		return sdk.PushResult{Status: sdk.PushError, Message: err.Error()}
	}
	r := sdk.PushResult{Message: e.Message, RetryAfter: e.RetryAfter}
	switch e.Kind {
	case sdk.ErrUnauthorized:
		r.Status = sdk.PushUnauthorized
	case sdk.ErrRateLimited:
		r.Status = sdk.PushRateLimited
	default:
		r.Status, r.RetryAfter = sdk.PushTemporary, max(e.RetryAfter, serverDownRetry)
	}
	return r
}

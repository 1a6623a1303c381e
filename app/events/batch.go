package events

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/klauspost/compress/zstd"
)

// A bulk batch stores its entries in one blob: for each, its type, its
// resource, its contact and its payload exactly as sent, length-prefixed
// and compressed together. Neighbouring payloads share most of their
// bytes (field names, timestamps, companies), so a batch takes a small
// fraction of the rows it replaces, and a webhook built from an entry is
// byte for byte the one a row of its own would have sent.
var (
	encoder, _ = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithEncoderConcurrency(1))
	decoder, _ = zstd.NewReader(nil, zstd.WithDecoderConcurrency(0))
)

// MaxBatch is the most entries one batch holds; entry ids are numbered
// within the low 24 bits of the batch's id.
const MaxBatch = 1 << 24

// EncodeBatch packs evs into a batch blob.
func EncodeBatch(evs []Event) []byte {
	size := 0
	for _, e := range evs {
		size += len(e.Type) + len(e.Resource) + len(e.Payload) + 4*binary.MaxVarintLen64
	}
	buf := make([]byte, 0, size)
	for _, e := range evs {
		buf = binary.AppendUvarint(buf, uint64(len(e.Type)))
		buf = append(buf, e.Type...)
		buf = binary.AppendUvarint(buf, uint64(len(e.Resource)))
		buf = append(buf, e.Resource...)
		buf = binary.AppendVarint(buf, e.ContactID)
		buf = binary.AppendVarint(buf, e.CompanyID)
		buf = binary.AppendUvarint(buf, uint64(len(e.Payload)))
		buf = append(buf, e.Payload...)
	}
	return encoder.EncodeAll(buf, nil)
}

var errCorrupt = errors.New("events: corrupt batch")

// DecodeBatch unpacks a batch blob whose first entry has the id base;
// the entries get their ids, lane and index.
func DecodeBatch(base string, blob []byte) ([]Event, error) {
	buf, err := decoder.DecodeAll(blob, nil)
	if err != nil {
		return nil, fmt.Errorf("events: decompress batch %s: %w", base, err)
	}
	var out []Event
	for len(buf) > 0 {
		e := Event{Lane: LaneBulk, Entry: len(out)}
		var typ, res, payload []byte
		var ok bool
		if typ, buf, ok = field(buf); !ok {
			return nil, errCorrupt
		}
		if res, buf, ok = field(buf); !ok {
			return nil, errCorrupt
		}
		if e.ContactID, buf, ok = varint(buf); !ok {
			return nil, errCorrupt
		}
		if e.CompanyID, buf, ok = varint(buf); !ok {
			return nil, errCorrupt
		}
		if payload, buf, ok = field(buf); !ok {
			return nil, errCorrupt
		}
		e.Type, e.Resource, e.Payload = string(typ), string(res), payload
		if e.ID, err = EntryID(base, e.Entry); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

func field(buf []byte) (val, rest []byte, ok bool) {
	n, k := binary.Uvarint(buf)
	if k <= 0 || uint64(len(buf)-k) < n {
		return nil, nil, false
	}
	return buf[k : k+int(n)], buf[k+int(n):], true
}

func varint(buf []byte) (int64, []byte, bool) {
	v, k := binary.Varint(buf)
	if k <= 0 {
		return 0, nil, false
	}
	return v, buf[k:], true
}

// NewBatchID returns a fresh id for the first entry of a batch: a
// version 7 UUID, like NewID, whose low 24 bits are zero, so that the
// entries after it can be numbered there (see EntryID).
func NewBatchID() string {
	id := NewID()
	return id[:len(id)-6] + "000000"
}

// EntryID returns the id of entry i of the batch whose first id is
// base: base with i added to its low 24 bits. The ids stay version 7
// UUIDs, sort in entry order and are as stable as the batch.
func EntryID(base string, i int) (string, error) {
	raw, err := hex.DecodeString(strings.TrimPrefix(base, "evt_"))
	if err != nil || len(raw) != 16 || i < 0 || i >= MaxBatch {
		return "", fmt.Errorf("events: entry %d of batch %q: %w", i, base, errCorrupt)
	}
	raw[13], raw[14], raw[15] = byte(i>>16), byte(i>>8), byte(i)
	return "evt_" + hex.EncodeToString(raw), nil
}

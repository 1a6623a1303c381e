package sdk

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// ledgerRetention is how long an accepted key is remembered. Portico
// retries a message for hours, not days.
const ledgerRetention = 7 * 24 * time.Hour

// ledger remembers the keys a notifier accepted, so a retried Send is not
// sent twice. It lives in memory for the process's lifetime and, when the
// host gives a data directory, in an append-only file there too, so it
// survives a crash or restart: a key recorded as accepted is never sent
// again. The record is written right after the channel accepts, so a crash
// in between (one fsync) can still send a retried message twice.
type ledger struct {
	mu       sync.Mutex
	accepted map[string]ledgerEntry
	inflight map[string]chan struct{}
	file     *os.File
}

type ledgerEntry struct {
	Instance   string `json:"i"`
	Key        string `json:"k"`
	ProviderID string `json:"p"`
	Segments   int    `json:"n,omitempty"`
	At         int64  `json:"t"`
}

// openLedger reads dir's ledger (dropping entries past retention and
// rewriting the file compacted), or starts an in-memory one when dir is "".
func openLedger(dir string) (*ledger, error) {
	l := &ledger{accepted: map[string]ledgerEntry{}, inflight: map[string]chan struct{}{}}
	if dir == "" {
		return l, nil
	}
	path := filepath.Join(dir, "notifier-ledger.jsonl")
	if err := l.load(path); err != nil {
		return nil, err
	}
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	enc := json.NewEncoder(f)
	for _, e := range l.accepted {
		if err := enc.Encode(e); err != nil {
			f.Close()
			return nil, err
		}
	}
	if err := errors.Join(f.Sync(), f.Close(), os.Rename(tmp, path)); err != nil {
		return nil, err
	}
	l.file, err = os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o600)
	return l, err
}

func (l *ledger) load(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	oldest := time.Now().Add(-ledgerRetention).UnixMilli()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var e ledgerEntry
		// A line cut by a crash is skipped: its message was never confirmed.
		if json.Unmarshal(sc.Bytes(), &e) == nil && e.At >= oldest {
			l.accepted[e.Instance+"\x00"+e.Key] = e
		}
	}
	return sc.Err()
}

// claim returns the earlier receipt of a key, or reserves the key for the
// caller, waiting while another call sends the same key. A caller that
// reserved must call settle.
func (l *ledger) claim(instance, key string) (Receipt, bool) {
	id := instance + "\x00" + key
	for {
		l.mu.Lock()
		if e, ok := l.accepted[id]; ok {
			l.mu.Unlock()
			return Receipt{ProviderID: e.ProviderID, Segments: e.Segments, Duplicate: true}, true
		}
		wait, busy := l.inflight[id]
		if !busy {
			l.inflight[id] = make(chan struct{})
			l.mu.Unlock()
			return Receipt{}, false
		}
		l.mu.Unlock()
		<-wait
	}
}

// settle records an accepted key (err nil) or frees it for another try.
func (l *ledger) settle(instance, key string, r Receipt, err error) error {
	id := instance + "\x00" + key
	l.mu.Lock()
	defer l.mu.Unlock()
	defer func() { close(l.inflight[id]); delete(l.inflight, id) }()
	if err != nil {
		return nil
	}
	e := ledgerEntry{Instance: instance, Key: key, ProviderID: r.ProviderID, Segments: r.Segments, At: time.Now().UnixMilli()}
	l.accepted[id] = e
	if l.file == nil {
		return nil
	}
	line, _ := json.Marshal(e)
	if _, werr := l.file.Write(append(line, '\n')); werr != nil {
		return werr
	}
	return l.file.Sync()
}

// drain waits, at most limit, until no send is in flight, so that a
// plugin about to exit records what the channel accepted first.
func (l *ledger) drain(limit time.Duration) {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		l.mu.Lock()
		busy := len(l.inflight)
		l.mu.Unlock()
		if busy == 0 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

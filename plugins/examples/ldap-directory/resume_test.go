package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/go-ldap/ldap/v3"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

// TestImportResumesAfterTheLastPersonSent resumes from a batch's cursor
// on a new connection (a new plugin process even) and expects exactly the
// records that followed that batch; once that person is deleted the
// cursor is refused as invalid, so the host starts over.
func TestImportResumesAfterTheLastPersonSent(t *testing.T) {
	f := seeded(t)
	p := startPlugin(t, f.dir)
	ref := configureReader(t, p, f.server)
	all, err := importAll(t, p, ref, "", 100)
	if err != nil {
		t.Fatal(err)
	}
	k := 3
	p2 := startPlugin(t, f.dir)
	rest, err := importAll(t, p2, configureReader(t, p2, f.server), all[k].Cursor, 100)
	if err != nil {
		t.Fatal(err)
	}
	if want, got := recordIDs(all[k+1:]), recordIDs(rest); !slices.Equal(want, got) {
		t.Fatalf("resumed import gave %d records, want the %d that followed batch %d", len(got), len(want), k)
	}
	if rest[0].Progress.Done <= all[k].Progress.Done {
		t.Errorf("progress went back on resume: %d after %d", rest[0].Progress.Done, all[k].Progress.Done)
	}

	pos, _ := parseCursor(all[k].Cursor)
	deleteByUUID(t, f.server, pos.After)
	_, err = importAll(t, p, ref, all[k].Cursor, 100)
	var ce *host.CallError
	if !errors.As(err, &ce) || ce.Kind != sdk.ErrInvalidCursor {
		t.Fatalf("resuming after a deleted person: want an invalid_cursor error, got %v", err)
	}
	if _, err := importAll(t, p, ref, "not a cursor", 100); !errors.As(err, &ce) || ce.Kind != sdk.ErrInvalidCursor {
		t.Fatalf("a malformed cursor: want an invalid_cursor error, got %v", err)
	}
}

func recordIDs(batches []sdk.Batch) []string {
	var out []string
	for _, b := range batches {
		for _, r := range b.Records {
			if r.Contact != nil {
				out = append(out, "contact:"+r.Contact.ExternalID)
			} else {
				out = append(out, "company:"+r.Company.ExternalID)
			}
		}
	}
	return out
}

func deleteByUUID(t *testing.T, s *slapd, uuid string) {
	t.Helper()
	conn := s.admin(t)
	res, err := conn.Search(ldap.NewSearchRequest(testBase, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
		fmt.Sprintf("(entryUUID=%s)", ldap.EscapeFilter(uuid)), []string{"1.1"}, nil))
	if err != nil || len(res.Entries) != 1 {
		t.Fatalf("find entry %s: %v", uuid, err)
	}
	if err := conn.Del(ldap.NewDelRequest(res.Entries[0].DN, nil)); err != nil {
		t.Fatal(err)
	}
}

// TestCheckHealthSaysWhatIsWrong covers "Test connection": a working
// setup, a wrong password, a host where nothing listens, a base DN that
// does not exist, and an account held at the server's size limit.
func TestCheckHealthSaysWhatIsWrong(t *testing.T) {
	f := seeded(t)
	p := startPlugin(t, f.dir)
	closed := fmt.Sprintf("ldap://127.0.0.1:%d", sdktest.FreePort(t))
	cases := []struct {
		name, config, password, want string
		ok                           bool
	}{
		{"working", readerConfig(f.server), testReaderPW, "Connected to " + f.server.URL + " as " + testReader + " and found " + testBase, true},
		{"wrong password", readerConfig(f.server), "nope", `unauthorized: the server refused bind DN "cn=portico-reader,dc=example,dc=org" with this password (wrong DN or password)`, false},
		{"unreachable", fmt.Sprintf(`{"url": %q, "base_dn": %q, "timeout_seconds": 2}`, closed, testBase), "", "unreachable: cannot reach " + closed + ": dial tcp 127.0.0.1:", false},
		{"bad base DN", fmt.Sprintf(`{"url": %q, "bind_dn": %q, "base_dn": "ou=nobody,%s"}`, f.server.URL, testReader, testBase), testReaderPW, `invalid_config: base DN "ou=nobody,dc=example,dc=org" does not exist on ` + f.server.URL, false},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := sdk.Config{InstanceID: c.name, Revision: int64(i + 1), JSON: []byte(c.config), Secrets: map[string]string{"bind_password": c.password}}
			if err := p.Configure(context.Background(), cfg); err != nil {
				t.Fatal(err)
			}
			h, err := p.CheckHealth(context.Background(), host.Ref{InstanceID: c.name, Revision: int64(i + 1)})
			if err != nil {
				t.Fatal(err)
			}
			if h.OK != c.ok || len(h.Message) < len(c.want) || h.Message[:len(c.want)] != c.want {
				t.Fatalf("health = %v %q, want %v %q", h.OK, h.Message, c.ok, c.want)
			}
		})
	}
}

// TestSizeLimitIsExplained imports as an account the server holds to its
// default limit of 500 entries, and expects the remedy in the error.
func TestSizeLimitIsExplained(t *testing.T) {
	f := seeded(t)
	limited := "cn=limited," + testBase
	add(t, f.server.admin(t), limited, map[string][]string{"objectClass": {"organizationalRole", "simpleSecurityObject"},
		"cn": {"limited"}, "userPassword": {"limited-secret"}})
	p := startPlugin(t, f.dir)
	cfg := sdk.Config{InstanceID: "limited", Revision: 1, Secrets: map[string]string{"bind_password": "limited-secret"},
		JSON: []byte(fmt.Sprintf(`{"url": %q, "bind_dn": %q, "base_dn": %q}`, f.server.URL, limited, testBase))}
	if err := p.Configure(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	_, err := importAll(t, p, host.Ref{InstanceID: "limited", Revision: 1}, "", 100)
	want := `the server stopped after 500 entries at its size limit; allow the bind DN more (OpenLDAP: limits dn.exact="cn=limited,dc=example,dc=org" size.prtotal=unlimited)`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("want %q, got %v", want, err)
	}
}

// TestConformanceAgainstSlapd runs the SDK's conformance checks on the
// built plugin against the seeded directory.
func TestConformanceAgainstSlapd(t *testing.T) {
	f := seeded(t)
	conform(t, f.dir, readerConfig(f.server), readerSecrets)
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/go-ldap/ldap/v3"

	"github.com/portico-hub/portico/plugins/sdk"
)

func TestConfigurationIsCheckedWithClearMessages(t *testing.T) {
	for config, want := range map[string]string{
		`{"base_dn": "dc=x"}`:                                            "url is required",
		`{"url": "http://x", "base_dn": "dc=x"}`:                         `url "http://x" must look like ldap://host:389`,
		`{"url": "ldaps://x", "start_tls": true, "base_dn": "dc=x"}`:     "start_tls is for ldap:// URLs",
		`{"url": "ldap://x"}`:                                            "base_dn is required",
		`{"url": "ldap://x", "base_dn": "not a dn"}`:                     `base_dn "not a dn" is not a DN`,
		`{"url": "ldap://x", "base_dn": "dc=x", "user_filter": "(cn=a"}`: `user_filter "(cn=a" is not an LDAP filter`,
		`{"url": "ldap://x", "base_dn": "dc=x", "ca_cert": "junk"}`:      "",
		`{"url": "ldap://x", "base_dn": "dc=x", "colour": "red"}`:        `unknown field "colour"`,
	} {
		_, err := configure(context.Background(), sdk.Config{JSON: []byte(config)})
		if want == "" {
			if err != nil {
				t.Errorf("%s: %v", config, err)
			}
			continue
		}
		if sdk.KindOf(err) != sdk.ErrInvalidConfig || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want invalid_config %q", config, err, want)
		}
	}
}

func TestMappingKeepsDefaultsForFieldsLeftOut(t *testing.T) {
	inst, err := configure(context.Background(), sdk.Config{JSON: []byte(
		`{"url": "ldap://x", "base_dn": "dc=x", "attributes": {"organisation": ["department"]}}`)})
	if err != nil {
		t.Fatal(err)
	}
	m := inst.(*directory).cfg.Attributes
	if !slices.Equal(m.Organisation, []string{"department"}) || !slices.Equal(m.Name, []string{"displayName", "cn"}) {
		t.Fatalf("mapping %+v", m)
	}
}

// TestActiveDirectoryAddresses reads SMTP addresses out of proxyAddresses,
// leaving X.400 ones and repeats out, and hex-encodes a binary objectGUID.
func TestActiveDirectoryAddresses(t *testing.T) {
	d := &directory{cfg: settings{IDAttribute: "objectGUID", Attributes: defaultMapping}}
	e := ldap.NewEntry("cn=Ada,dc=x", map[string][]string{"displayName": {"Ada Lovelace"}, "mail": {"ada@corp.example"},
		"proxyAddresses": {"SMTP:ada@corp.example", "smtp:a.lovelace@corp.example", "X400:c=US;a= ;p=Corp"},
		"company":        {"Corp"}, "objectGUID": {"\x01\x02\xff\xfe"}})
	rs := d.records(e, d.entryID(e), map[string]bool{})
	if len(rs) != 2 || rs[0].Company == nil || rs[0].Company.Name != "Corp" {
		t.Fatalf("records %+v", rs)
	}
	c := rs[1].Contact
	if c.ExternalID != "0102fffe" || !slices.Equal(c.Emails, []string{"ada@corp.example", "a.lovelace@corp.example"}) {
		t.Fatalf("contact %+v", c)
	}
}

// TestSchemaMatchesManifest keeps the schema the plugin reports and the
// one in plugin.json the same.
func TestSchemaMatchesManifest(t *testing.T) {
	data, err := os.ReadFile("plugin.json")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		ConfigSchema json.RawMessage `json:"config_schema"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	json.Compact(&a, m.ConfigSchema)
	json.Compact(&b, schema)
	if a.String() != b.String() {
		t.Fatal("plugin.json's config_schema differs from schema.json")
	}
}

package main

import (
	"crypto/rand"
	"fmt"
	"strings"
	"testing"
)

// Special people of the seeded directory, by uid.
const (
	korean   = "minjun"
	noMail   = "nomail"
	twoMails = "twomails"
	huge     = "huge"
)

// hugeDescription is far longer than any field should be.
var hugeDescription = strings.Repeat("긴 설명 long description ", 12_000)

// seed fills the directory with a service account for the importer, n
// ordinary people in five companies, the special people above and a group
// the user filter must leave out. It returns how many people there are.
func seed(t testing.TB, s *slapd, n int) int {
	t.Helper()
	conn := s.admin(t)
	add(t, conn, testBase, map[string][]string{"objectClass": {"dcObject", "organization"}, "o": {"Example"}, "dc": {"example"}})
	add(t, conn, testReader, map[string][]string{"objectClass": {"organizationalRole", "simpleSecurityObject"},
		"cn": {"portico-reader"}, "userPassword": {testReaderPW}})
	add(t, conn, testPeople, map[string][]string{"objectClass": {"organizationalUnit"}, "ou": {"people"}})
	add(t, conn, "ou=groups,"+testBase, map[string][]string{"objectClass": {"organizationalUnit"}, "ou": {"groups"}})
	add(t, conn, "cn=support,ou=groups,"+testBase, map[string][]string{"objectClass": {"groupOfNames"},
		"cn": {"support"}, "member": {testReader}})
	for i := range n {
		add(t, conn, personDN(fmt.Sprintf("p%04d", i)), map[string][]string{
			"objectClass": {"inetOrgPerson"}, "uid": {fmt.Sprintf("p%04d", i)}, "cn": {fmt.Sprintf("Person %04d", i)}, "sn": {fmt.Sprintf("P%04d", i)},
			"givenName": {"Person"}, "mail": {fmt.Sprintf("person%04d@corp%d.example", i, i%5)},
			"telephoneNumber": {fmt.Sprintf("+1 555 01%04d", i)}, "title": {"Engineer"}, "o": {fmt.Sprintf("Corp %d", i%5)}})
	}
	photo := make([]byte, 1<<20)
	rand.Read(photo)
	for uid, attrs := range map[string]map[string][]string{
		korean: {"cn": {"김민준"}, "sn": {"김"}, "givenName": {"민준"}, "mail": {"minjun.kim@hanbit.example"},
			"o": {"한빛상사"}, "title": {"팀장"}},
		noMail:   {"cn": {"No Mail"}, "sn": {"Mail"}, "telephoneNumber": {"+49 30 1234567"}, "mobile": {"+49 170 1234567"}},
		twoMails: {"cn": {"Two Mails"}, "sn": {"Mails"}, "mail": {"two@corp1.example", "two.alias@corp1.example"}, "ou": {"Sales"}},
		huge: {"cn": {"Huge Entry"}, "sn": {"Entry"}, "mail": {"huge@corp2.example"},
			"description": {hugeDescription}, "jpegPhoto": {string(photo)}},
	} {
		attrs["objectClass"] = []string{"inetOrgPerson"}
		attrs["uid"] = []string{uid}
		add(t, conn, personDN(uid), attrs)
	}
	return n + 4
}

func personDN(uid string) string { return "uid=" + uid + "," + testPeople }

// readerConfig is an instance configuration that binds as the service account.
func readerConfig(s *slapd) string {
	return fmt.Sprintf(`{"url": %q, "bind_dn": %q, "base_dn": %q}`, s.URL, testReader, testBase)
}

var readerSecrets = map[string]string{"bind_password": testReaderPW}

package importfile

import (
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/korean"
	xunicode "golang.org/x/text/encoding/unicode"
)

// The header rows of Google Contacts' and Outlook's CSV exports, as they
// write them today.
const (
	googleHeader = "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name," +
		"Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department," +
		"Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value," +
		"Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value"
	outlookHeader = "First Name,Middle Name,Last Name,Title,Suffix,Initials,Web Page,Gender,Birthday,Anniversary," +
		"Location,Language,Internet Free Busy,Notes,E-mail Address,E-mail 2 Address,E-mail 3 Address," +
		"Primary Phone,Home Phone,Home Phone 2,Mobile Phone,Pager,Home Fax,Home Address,Home Street," +
		"Business Phone,Business Phone 2,Business Fax,Company,Job Title,Department,Office Location," +
		"Categories,Priority,Private,Sensitivity,User 1"
)

// googleCSV is a Google Contacts export: CRLF lines, a note with a line
// break, labels separated by " ::: ".
func googleCSV() []byte {
	return []byte(googleHeader + "\r\n" +
		"Ann,,Lee,,,,,,,,Acme Corp,Support Lead,,,\"Met at the fair.\r\nCall back in May.\",,* myContacts ::: VIP,* Work,ann@acme.example,Home,ann@home.example,Mobile,+1 555 0101,,\r\n" +
		"Bo,,Kim,,,,,,,,,,,,,,* myContacts,* Other,bo@example.org,,,,,,\r\n")
}

// outlookCSV is an Outlook export in Windows-1252, with an umlaut and a
// courtesy title in the Title column.
func outlookCSV(t testing.TB) []byte {
	cells := make([]string, strings.Count(outlookHeader, ",")+1)
	set := func(col, v string) {
		for i, h := range strings.Split(outlookHeader, ",") {
			if h == col {
				cells[i] = v
			}
		}
	}
	set("First Name", "Jürgen")
	set("Last Name", "Müller")
	set("Title", "Herr")
	set("E-mail Address", "juergen@example.de")
	set("Business Phone", "+49 30 1234567")
	set("Mobile Phone", "+49 170 1234567")
	set("Company", "Müller & Söhne GmbH")
	set("Job Title", "Geschäftsführer")
	set("Categories", "Kunde;Premium")
	return encode(t, charmap.Windows1252, outlookHeader+"\r\n"+strings.Join(cells, ",")+"\r\n")
}

// europeanCSV is what Excel saves as "CSV UTF-8" on a German system:
// a BOM, semicolons and decimal commas.
func europeanCSV() []byte {
	return []byte("\ufeffName;E-Mail;Telefon;Umsatz\r\n" +
		"Anna Schmidt;anna@example.de;+49 30 1234;1.234,56\r\n" +
		"Luca Rossi;luca@example.it;+39 06 5555;99,5\r\n" +
		"Marie Dubois;marie@example.fr;+33 1 2345;0,75\r\n")
}

// koreanCSV is a CP949 file from Korean Excel.
func koreanCSV(t testing.TB) []byte {
	return encode(t, korean.EUCKR, "성,이름,이메일,전화번호,회사\r\n김,민준,minjun@example.kr,010-1234-5678,포르티코\r\n이,서연,seoyeon@example.kr,02-555-0101,한빛상사\r\n")
}

// utf16CSV is Excel's "Unicode Text": UTF-16 LE with a BOM, tab-separated.
func utf16CSV(t testing.TB) []byte {
	enc := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)
	return encode(t, enc, "Name\tEmail\tCompany\r\n최지우\tjiwoo@example.kr\tÉclair SA\r\nZoë Faure\tzoe@example.fr\t\r\n")
}

// garbage is random bytes, the same on every run.
func garbage(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return b
}

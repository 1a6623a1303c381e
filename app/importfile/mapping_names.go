package importfile

import (
	"regexp"
	"strings"
	"unicode"
)

// alias is a field a header name suggests; a lower rank wins when several
// columns suggest one field (Outlook's "Title" is a courtesy title, so
// "Job Title" beats it).
type alias struct {
	field Field
	rank  int
}

// aliases maps normalised header names from common exports (Google
// Contacts, Outlook, Freshdesk, Zendesk) and Korean spreadsheets.
var aliases = map[string]alias{}

func init() {
	add := func(f Field, rank int, names string) {
		for _, n := range strings.Fields(names) {
			aliases[n] = alias{f, rank}
		}
	}
	add(Name, 0, "name fullname contactname displayname 이름 성명 고객명 담당자 담당자명")
	add(FirstName, 0, "firstname givenname first forename")
	add(LastName, 0, "lastname surname familyname last 성")
	add(Phone, 0, "phone phonenumber telephone tel workphone businessphone officephone phone1value 전화 전화번호 연락처 회사전화 직장전화")
	add(Phone, 1, "primaryphone companymainphone homephone 집전화")
	add(Mobile, 0, "mobile mobilephone mobilenumber cell cellphone cellular 휴대폰 휴대전화 핸드폰 휴대폰번호 휴대전화번호 모바일")
	add(Company, 0, "company companyname organization organisation organizationname organization1name 회사 회사명 소속 기관 업체명 거래처")
	add(Company, 1, "org account accountname employer")
	add(JobTitle, 0, "jobtitle position role organizationtitle organization1title 직함 직책 직위 직급")
	add(JobTitle, 2, "title")
	add(Tags, 0, "tags tag labels categories groupmembership groups 태그 라벨 그룹 분류")
	add(ExternalID, 0, "externalid uniqueexternalid 외부id 외부아이디")
	add(ExternalID, 2, "id contactid customerid 고객번호 고객id")
	add(TwitterID, 0, "twitterid twitter twitterhandle twitterusername xhandle xtwitter xtwitterhandle 트위터")
	add(Address, 0, "address postaladdress mailingaddress streetaddress workaddress businessaddress address1formatted 주소")
	add(Address, 1, "homeaddress 집주소")
	add(ViewAllTickets, 0, "canseeallticketsfromthiscompany canseeallticketsofthiscompany seesallticketsofthecompany viewalltickets seealltickets canseealltickets")
	add(Language, 0, "language lang locale 언어")
	add(TimeZone, 0, "timezone tz 시간대 표준시간대")
	add(About, 0, "about notes note description comments comment memo 메모 비고 설명 소개")
}

// emailHeader matches every email column: "Email", "E-mail 2 Address",
// "E-mail 1 - Value", "Work email", Freshdesk's "Other emails", "이메일
// 주소", but not "E-mail Type".
var emailHeader = regexp.MustCompile(`^(primary|work|business|home|other|secondary)?(emails?|mail|이메일|메일|전자우편)\d*(address|value|주소)?(es)?\d*$`)

// moreCompanies are header names of a column listing a contact's further
// companies, such as Freshdesk's "Other companies": it fills Company next
// to the column of the default company.
var moreCompanies = map[string]bool{"othercompanies": true, "additionalcompanies": true, "기타회사": true}

// normalise folds a header name to lower-case letters and digits.
func normalise(h string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, h)
}

// suggest returns the alias of one header name; korean says the file has
// a 성 (family name) column, so 이름 is the given name.
func suggest(h string, korean bool) (alias, bool) {
	n := normalise(h)
	if emailHeader.MatchString(n) {
		return alias{Email, 0}, true
	}
	if moreCompanies[n] {
		return alias{Company, 3}, true
	}
	if korean && n == "이름" {
		return alias{FirstName, 0}, true
	}
	a, ok := aliases[n]
	return a, ok
}

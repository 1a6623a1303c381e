package importfile

import (
	"regexp"
	"strings"
)

// companyAliases maps normalised header names of companies files, from
// Freshdesk and Zendesk exports, CRMs and Korean spreadsheets. A lower
// rank wins: in a file with "Company" and "Name" columns, "Name" is more
// likely a person's.
var companyAliases = map[string]alias{}

func init() {
	add := func(f Field, rank int, names string) {
		for _, n := range strings.Fields(names) {
			companyAliases[n] = alias{f, rank}
		}
	}
	add(Name, 0, "companyname accountname organizationname organisationname 회사명 회사이름 기업명 업체명 상호 상호명 법인명 고객사명 거래처명")
	add(Name, 1, "company account organization organisation org 회사 기업 고객사 거래처 업체")
	add(Name, 2, "name 이름 명칭")
	add(Description, 0, "description details about summary overview 설명 소개 회사소개 개요")
	add(Notes, 0, "notes note memo comments comment remarks 메모 비고 노트")
	add(HealthScore, 0, "healthscore health 건강도 건강점수 헬스스코어 고객건강도")
	add(AccountTier, 0, "accounttier tier plan 등급 티어 고객등급 계정등급 요금제")
	add(RenewalDate, 0, "renewaldate renewal renewalon renewson contractrenewal contractend contractenddate 갱신일 갱신일자 갱신날짜 계약갱신일 재계약일 계약만료일 만료일")
	add(Industry, 0, "industry sector vertical 업종 산업 업태 산업군 분야")
}

// domainHeader matches every domain column: "Domain", "Domains", "Domain
// names" (Zendesk), "Website 2", "Email domain", "도메인", "홈페이지 주소".
var domainHeader = regexp.MustCompile(`^(company|email|이메일|회사)?(domain|website|web|url|homepage|도메인|웹사이트|홈페이지)(s|names?|url|주소)?\d*$`)

// SuggestCompanyMapping proposes a field for each column of a companies
// file from its header name, as SuggestMapping does for contacts: every
// domain column is kept, and for any other field the best-named column.
func SuggestCompanyMapping(header []string) Mapping {
	m := Mapping{Header: header, Columns: make([]Field, len(header)), companies: true}
	best := map[Field]int{} // field → column holding it
	for i, h := range header {
		a, ok := suggestCompany(h)
		switch {
		case !ok:
			continue
		case a.field == Domains:
			m.Columns[i] = Domains
			continue
		}
		if j, taken := best[a.field]; taken {
			if prev, _ := suggestCompany(header[j]); prev.rank <= a.rank {
				continue
			}
			m.Columns[j] = Skip
		}
		best[a.field] = i
		m.Columns[i] = a.field
	}
	return m
}

func suggestCompany(h string) (alias, bool) {
	n := normalise(h)
	if domainHeader.MatchString(n) {
		return alias{Domains, 0}, true
	}
	a, ok := companyAliases[n]
	return a, ok
}

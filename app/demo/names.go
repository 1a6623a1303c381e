package demo

// Company is a sample company: its name, the email domains it lists, its
// industry, and how its account stands: tier, health, and the renewal
// date in months from the day the demo is loaded.
type Company struct {
	Name     string
	Domains  []string
	Industry string
	Tier     string
	Health   string
	RenewsIn int
}

// Companies are the twenty sample companies, some of them Korean.
var Companies = []Company{
	{"Acme Logistics", []string{"acme-logistics.com"}, "Logistics", "enterprise", "happy", 7},
	{"Northwind Traders", []string{"northwind.com", "northwind.co.uk"}, "Wholesale", "premium", "doing_okay", 2},
	{"Globex", []string{"globex.com"}, "Manufacturing", "enterprise", "at_risk", 1},
	{"Initech", []string{"initech.io"}, "Software", "basic", "happy", 10},
	{"Umbrella Health", []string{"umbrellahealth.com"}, "Healthcare", "premium", "happy", 5},
	{"Stark Fabrication", []string{"starkfab.com"}, "Manufacturing", "enterprise", "doing_okay", 8},
	{"Wayne Shipping", []string{"wayneshipping.com"}, "Logistics", "premium", "at_risk", 3},
	{"Hooli", []string{"hooli.xyz"}, "Software", "enterprise", "happy", 11},
	{"Pied Piper", []string{"piedpiper.com"}, "Software", "basic", "doing_okay", 4},
	{"Vandelay Industries", []string{"vandelay.com"}, "Import and export", "basic", "happy", 6},
	{"Soylent Foods", []string{"soylent.co"}, "Food", "premium", "doing_okay", 9},
	{"Cyberdyne Systems", []string{"cyberdyne.ai"}, "Robotics", "enterprise", "happy", 12},
	{"Tyrell Corporation", []string{"tyrell.tech"}, "Biotechnology", "premium", "at_risk", 2},
	{"Oceanic Airlines", []string{"oceanic-air.com"}, "Travel", "basic", "", 0},
	{"한빛소프트", []string{"hanbitsoft.co.kr"}, "Software", "enterprise", "happy", 5},
	{"서울물산", []string{"seoulmulsan.kr"}, "Trading", "premium", "doing_okay", 3},
	{"푸른은행", []string{"pureunbank.co.kr"}, "Banking", "enterprise", "happy", 9},
	{"대한로지스", []string{"daehanlogis.com"}, "Logistics", "basic", "at_risk", 1},
	{"미래전자", []string{"miraeelec.co.kr", "mirae.kr"}, "Electronics", "premium", "happy", 7},
	{"하나바이오", []string{"hanabio.kr"}, "Biotechnology", "basic", "", 0},
}

var firstNames = []string{
	"Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Sophia", "Elijah", "Charlotte", "James",
	"Ava", "William", "Isabella", "Benjamin", "Mia", "Lucas", "Evelyn", "Henry", "Harper", "Theodore",
	"Grace", "Jack", "Chloe", "Daniel", "Zoe", "Samuel", "Nora", "David", "Hannah", "Leo",
}

var lastNames = []string{
	"Martin", "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson",
	"Anderson", "Taylor", "Thomas", "Moore", "Jackson", "White", "Harris", "Clark", "Lewis", "Walker",
	"Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson",
}

// roman pairs a Korean name part with the romanisation used in addresses.
type roman struct{ ko, en string }

// koreanSurnames repeat the commonest ones, roughly as often as they occur.
var koreanSurnames = []roman{
	{"김", "kim"}, {"김", "kim"}, {"김", "kim"}, {"김", "kim"}, {"이", "lee"}, {"이", "lee"}, {"이", "lee"},
	{"박", "park"}, {"박", "park"}, {"최", "choi"}, {"정", "jung"}, {"강", "kang"}, {"조", "cho"},
	{"윤", "yoon"}, {"장", "jang"}, {"임", "lim"}, {"한", "han"}, {"오", "oh"}, {"서", "seo"}, {"신", "shin"},
}

var koreanGiven = []roman{
	{"민준", "minjun"}, {"서연", "seoyeon"}, {"지호", "jiho"}, {"서윤", "seoyun"}, {"도윤", "doyun"},
	{"하은", "haeun"}, {"예준", "yejun"}, {"지우", "jiwoo"}, {"시우", "siwoo"}, {"수아", "sua"},
	{"주원", "juwon"}, {"지민", "jimin"}, {"하준", "hajun"}, {"채원", "chaewon"}, {"준서", "junseo"},
	{"지아", "jia"}, {"건우", "geonwoo"}, {"다은", "daeun"}, {"현우", "hyunwoo"}, {"은서", "eunseo"},
	{"민서", "minseo"}, {"유진", "yujin"}, {"우진", "woojin"}, {"소율", "soyul"}, {"선우", "sunwoo"},
}

// Job titles go with the language of the name: English titles for
// English names, Korean ones for Korean names.
var (
	jobTitles = []string{
		"Support Manager", "Head of Operations", "Software Engineer", "Account Executive", "CTO", "Office Manager",
		"Product Manager", "Procurement Lead", "Customer Success Manager", "Finance Director",
	}
	koreanJobTitles = []string{"팀장", "대리", "과장", "부장", "개발자", "연구원", "구매 담당", "고객지원 매니저"}
)

// areaCodes are the places an English contact's phone number is from,
// by time zone: a few real area codes for each, numbers made up.
var areaCodes = map[string][]string{
	"America/New_York":    {"+1 212", "+1 617", "+1 646", "+1 305"},
	"America/Los_Angeles": {"+1 415", "+1 206", "+1 310", "+1 503"},
	"Europe/London":       {"+44 20", "+44 161", "+44 117"},
}

var personalDomains = []string{"gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com"}

var koreanDomains = []string{"naver.com", "daum.net", "kakao.com", "gmail.com"}

var tagNames = []string{"vip", "beta", "newsletter", "enterprise", "churn-risk", "partner", "trial"}

// ticketSubjects are what customers write about, a subject and a
// description each.
var ticketSubjects = [][2]string{
	{"Invoice shows the old VAT number", "Our VAT number changed in March, but the latest invoice still shows the old one. Could you issue a corrected copy?"},
	{"Cannot add a second admin", "When I invite my colleague the page says the seat limit is reached, but we pay for ten seats."},
	{"Export to Excel cuts Korean names", "Names in Hangul come out as question marks when I open the export in Excel on Windows."},
	{"Password reset email never arrives", "I asked for a reset link three times this morning; nothing in the inbox or the spam folder."},
	{"Shipment 48213 stuck in customs", "The tracking page has said 'held at customs' for six days. Is there a document you need from us?"},
	{"Please move us to annual billing", "We would like to switch from monthly to annual billing at the next renewal."},
	{"API returns 429 during the nightly sync", "Our nightly job hits the rate limit after about 2,000 requests. Can the limit be raised for us?"},
	{"Wrong time zone on appointment emails", "Reminders show times in UTC instead of London time."},
}

var koreanTicketSubjects = [][2]string{
	{"세금계산서 재발행 요청", "사업자등록번호가 변경되었습니다. 3월분 세금계산서를 새 번호로 재발행 부탁드립니다."},
	{"관리자 계정 추가가 안 됩니다", "동료를 초대하면 좌석 수 초과라고 나옵니다. 10석을 구매했는데 확인 부탁드립니다."},
	{"엑셀 내보내기에서 한글이 깨져요", "내보낸 파일을 윈도우 엑셀에서 열면 이름이 물음표로 보입니다."},
	{"비밀번호 재설정 메일이 오지 않습니다", "오늘 오전에 세 번 요청했는데 받은편지함과 스팸함 모두 없습니다."},
	{"배송 지연 문의", "주문번호 20931 배송이 일주일째 출고 대기 상태입니다. 일정 확인 부탁드립니다."},
	{"연간 결제로 변경 요청", "다음 갱신부터 월간 결제를 연간 결제로 바꾸고 싶습니다."},
}

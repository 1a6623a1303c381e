package demo

// Company is a sample company: its name, the email domains it lists and
// its industry.
type Company struct {
	Name     string
	Domains  []string
	Industry string
}

// Companies are the twenty sample companies, some of them Korean.
var Companies = []Company{
	{"Acme Logistics", []string{"acme-logistics.com"}, "Logistics"},
	{"Northwind Traders", []string{"northwind.com", "northwind.co.uk"}, "Wholesale"},
	{"Globex", []string{"globex.com"}, "Manufacturing"},
	{"Initech", []string{"initech.io"}, "Software"},
	{"Umbrella Health", []string{"umbrellahealth.com"}, "Healthcare"},
	{"Stark Fabrication", []string{"starkfab.com"}, "Manufacturing"},
	{"Wayne Shipping", []string{"wayneshipping.com"}, "Logistics"},
	{"Hooli", []string{"hooli.xyz"}, "Software"},
	{"Pied Piper", []string{"piedpiper.com"}, "Software"},
	{"Vandelay Industries", []string{"vandelay.com"}, "Import and export"},
	{"Soylent Foods", []string{"soylent.co"}, "Food"},
	{"Cyberdyne Systems", []string{"cyberdyne.ai"}, "Robotics"},
	{"Tyrell Corporation", []string{"tyrell.tech"}, "Biotechnology"},
	{"Oceanic Airlines", []string{"oceanic-air.com"}, "Travel"},
	{"한빛소프트", []string{"hanbitsoft.co.kr"}, "Software"},
	{"서울물산", []string{"seoulmulsan.kr"}, "Trading"},
	{"푸른은행", []string{"pureunbank.co.kr"}, "Banking"},
	{"대한로지스", []string{"daehanlogis.com"}, "Logistics"},
	{"미래전자", []string{"miraeelec.co.kr", "mirae.kr"}, "Electronics"},
	{"하나바이오", []string{"hanabio.kr"}, "Biotechnology"},
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

var jobTitles = []string{
	"Support Manager", "Head of Operations", "Software Engineer", "Account Executive", "CTO", "Office Manager",
	"Product Manager", "Procurement Lead", "Customer Success Manager", "Finance Director",
	"팀장", "대리", "과장", "부장", "개발자", "연구원",
}

var personalDomains = []string{"gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com"}

var koreanDomains = []string{"naver.com", "daum.net", "kakao.com", "gmail.com"}

var tagNames = []string{"vip", "beta", "newsletter", "enterprise", "churn-risk", "partner", "trial"}

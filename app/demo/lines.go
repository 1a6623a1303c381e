package demo

import "strings"

// lines are what the team and the customers write on the sample
// tickets, in one language. An agent's lines take the customer's first
// name; answer[k] replies to first[k]; update keeps a ticket pending,
// last resolves it.
type lines struct {
	first, answer, update, last, note []string
}

var englishLines = lines{
	first: []string{
		"Hi %s, thanks for the details. I can reproduce this on our side and I am looking into it now; I will update you before the end of the day.",
		"Hello %s, sorry for the trouble. Could you tell us which account this is about, and since when? That will help us trace it.",
		"Hi %s, thanks for reaching out. I have passed this to the team that owns it and will come back to you as soon as I hear from them.",
	},
	last: []string{
		"Hi %s, this is fixed now: the change is live on your account. Let us know if anything still looks wrong.",
		"Hello %s, we have corrected it and sent you the updated copy by email. I will keep this ticket open for a day in case you need anything else.",
		"Hi %s, good news: the fix went out this morning. Thanks for your patience while we sorted it out.",
	},
	answer: []string{
		"Thank you for the quick reply. We need this before our month-end close, so any update helps.",
		"It is our main account, the one under this email address. It started last week.",
		"Thanks. Two of my colleagues have the same problem, in case that helps.",
	},
	update: []string{
		"Hi %s, a quick update: we found the cause and the fix is being tested. I will write again as soon as it is out.",
		"Hello %s, thanks for your patience. The team is still on it; I expect news within two working days.",
	},
	note: []string{
		"Same issue as last month for another customer: the billing sync skipped their account. Re-ran it by hand.",
		"Asked engineering in the support channel; they confirmed a fix is in the next release.",
		"Customer is on an enterprise plan and renewing soon: keep them posted daily.",
	},
}

var koreanLines = lines{
	first: []string{
		"%s님, 안녕하세요. 말씀하신 내용을 확인했고 지금 원인을 살펴보고 있습니다. 오늘 중으로 다시 안내드리겠습니다.",
		"%s님, 불편을 드려 죄송합니다. 어느 계정에서 언제부터 발생했는지 알려주시면 빠르게 확인하겠습니다.",
		"%s님, 문의 감사합니다. 담당 부서에 전달했으며 답변을 받는 대로 바로 연락드리겠습니다.",
	},
	last: []string{
		"%s님, 요청하신 내용은 처리가 완료되었습니다. 다른 문제가 있으시면 언제든 말씀해 주세요.",
		"%s님, 수정된 자료를 이메일로 보내드렸습니다. 확인 부탁드립니다.",
		"%s님, 오늘 오전에 수정 사항이 반영되었습니다. 기다려 주셔서 감사합니다.",
	},
	answer: []string{
		"빠른 답변 감사합니다. 월말 정산 전에 해결이 필요해서요. 진행 상황 알려주시면 감사하겠습니다.",
		"이 이메일 주소로 등록된 회사 대표 계정입니다. 지난주부터 발생했습니다.",
		"감사합니다. 참고로 다른 팀원 두 명도 같은 문제를 겪고 있습니다.",
	},
	update: []string{
		"%s님, 원인을 찾았고 현재 수정 사항을 검토 중입니다. 반영되는 대로 다시 연락드리겠습니다.",
		"%s님, 기다려 주셔서 감사합니다. 담당 팀에서 계속 확인 중이며 이틀 안에 소식 전해 드리겠습니다.",
	},
	note: []string{
		"지난달 다른 고객사와 같은 문제입니다. 정산 동기화를 수동으로 다시 실행했습니다.",
		"개발팀에 확인했고 다음 배포에 수정이 포함된다고 합니다.",
		"갱신을 앞둔 고객사이니 매일 진행 상황을 공유해 주세요.",
	},
}

// firstName is how an agent addresses a customer: the given name, which
// in a Korean name follows the one-syllable family name.
func firstName(name string) string {
	if isKorean(name) {
		if r := []rune(name); len(r) > 2 {
			return string(r[1:])
		}
		return name
	}
	first, _, _ := strings.Cut(name, " ")
	return first
}

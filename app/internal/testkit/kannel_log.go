package testkit

import (
	"bufio"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
)

// SMS is one message as the fake SMSC received it.
type SMS struct{ From, To, Text string }

var gotMessage = regexp.MustCompile(`Got message \d+: <(\S+) (\S+) (\S+) (.*)>$`)

// Received reads the fake SMSC's log: every single-part SMS it got, in
// order. Texts it logs URL-encoded are decoded.
func (k *Kannel) Received(t testing.TB) []SMS {
	t.Helper()
	f, err := os.Open(k.dir + "/fakesmsc.log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []SMS
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		m := gotMessage.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		text := m[4]
		if d, err := url.QueryUnescape(text); err == nil && m[3] != "text" {
			text = d
		}
		out = append(out, SMS{From: m[1], To: m[2], Text: text})
	}
	return out
}

// kannelConf keeps everything on loopback and in dir.
func kannelConf(dir string, p [4]int) string {
	return fmt.Sprintf(strings.TrimSpace(`
group = core
admin-port = %[2]d
admin-password = admin-secret
admin-interface = 127.0.0.1
smsbox-port = %[3]d
box-allow-ip = 127.0.0.1
log-file = %[1]s/bearerbox.log
access-log = %[1]s/access.log

group = smsc
smsc = fake
smsc-id = FAKE
port = %[4]d
connect-allow-ip = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = %[3]d
sendsms-port = %[5]d
sendsms-interface = 127.0.0.1
log-file = %[1]s/smsbox.log

group = sendsms-user
username = %[6]s
password = %[7]s
max-messages = 6
concatenation = true

group = sms-service
keyword = default
text = "ok"
`)+"\n", dir, p[0], p[1], p[2], p[3], KannelUser, KannelPassword)
}

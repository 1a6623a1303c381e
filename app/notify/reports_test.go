package notify_test

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/notify"
	"github.com/portico-hub/portico/plugins/sdk"
)

// TestDeliveryReportsReachTheMailbox has the plugin listen for Kannel's
// delivery reports: the fake SMSC's report that the SMS was delivered is
// kept on the message.
func TestDeliveryReportsReachTheMailbox(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.listenReports(t)
	ann := e.contact(t, "Ann", "ann@example.com", "+44 7700 900001")
	if _, err := e.act.Send(ctx, admin, ann); err != nil {
		t.Fatal(err)
	}
	e.start(t)
	reports := &notify.Reports{Store: e.st, Plugins: e.host, Log: slog.New(slog.DiscardHandler), Every: time.Second}
	rctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { reports.Run(rctx); close(done) }()
	t.Cleanup(func() { stop(); <-done })
	var sms model.Mail
	testkit.Eventually(t, 30*time.Second, func() bool {
		sms = e.messages(t, ann)[0]
		return sms.Delivery == "delivered" && sms.DeliveryAt != nil
	}, "no delivery report reached the SMS: %+v", &sms)
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// listenReports has the plugin's instance listen for Kannel's delivery
// reports on a port of its own.
func (e *env) listenReports(t testing.TB) {
	t.Helper()
	ctx := context.Background()
	id, _ := e.sms.InstanceID()
	in, err := e.st.PluginInstance(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	in.Config = strings.TrimSuffix(in.Config, "}") + fmt.Sprintf(`,"delivery_reports_listen":"127.0.0.1:%d"}`, freePort(t))
	if _, err := e.st.SavePluginInstance(ctx, *in); err != nil {
		t.Fatal(err)
	}
}

// TestFirstSendsConfigureTheInstanceOnce sends eight SMS at once through
// an instance not yet configured, which listens on a port: configured
// twice, the second would find the port taken, or close the first's.
func TestFirstSendsConfigureTheInstanceOnce(t *testing.T) {
	e := newEnv(t)
	e.listenReports(t)
	id, _ := e.sms.InstanceID()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Go(func() {
			_, err := e.host.Send(context.Background(), id, sdk.Message{Key: fmt.Sprint("first-", i), AddressKind: "phone",
				Address: "+447700900001", Text: "hello"})
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

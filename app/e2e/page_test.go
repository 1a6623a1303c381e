package e2e

import (
	"context"
	"sync"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// pageTimeout bounds everything one test does in its tab.
const pageTimeout = 30 * time.Second

// page is a browser tab on a Portico server. Its methods fail the test on
// any error, so tests read as the steps a person takes.
type page struct {
	t       *testing.T
	ctx     context.Context
	app     *portico
	console *console
}

// newPage opens a tab in a browser context of its own (no cookies shared
// with other tests), 1280 pixels wide. Any error in its console fails the
// test (see watchConsole).
func newPage(t *testing.T, app *portico) *page {
	t.Helper()
	return newPageSized(t, app, 1280, 900)
}

// newPageSized opens a tab like newPage with a viewport of w by h pixels,
// as a phone (390) or a laptop (1366) shows pages.
func newPageSized(t *testing.T, app *portico, w, h int64) *page {
	t.Helper()
	return openTab(t, app, w, h, pageTimeout)
}

// openTab opens a tab of w by h pixels whose steps may take timeout in
// all, for a test that walks through many pages in one tab.
func openTab(t *testing.T, app *portico, w, h int64, timeout time.Duration) *page {
	t.Helper()
	needBrowser(t)
	tab, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(tab, chromedp.EmulateViewport(w, h)); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	con := watchConsole(t, tab)
	ctx, cancelTimeout := context.WithTimeout(tab, timeout)
	t.Cleanup(cancelTimeout)
	return &page{t: t, ctx: ctx, app: app, console: con}
}

// acceptDialogs accepts every confirm dialog the page opens from now on
// (hx-confirm), and returns the messages they showed.
func (p *page) acceptDialogs() func() []string {
	var mu sync.Mutex
	var seen []string
	dialogs := chromedp.Events(p.ctx, cdppage.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			mu.Lock()
			seen = append(seen, ev.Message)
			mu.Unlock()
			chromedp.Call(p.ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), seen...)
	}
}

// do runs browser steps.
func (p *page) do(steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		p.t.Fatalf("browser: %v", err)
	}
}

// open loads a path of the server as a full page.
func (p *page) open(path string) {
	p.t.Helper()
	p.do(chromedp.Navigate(p.app.URL + path))
}

// click clicks the first visible element that sel (CSS) matches.
func (p *page) click(sel string) {
	p.t.Helper()
	p.do(chromedp.Click(chromedp.CSS(sel)))
}

// clickXPath clicks the first visible element an XPath expression finds,
// for buttons that only their text or their row tells apart.
func (p *page) clickXPath(expr string) {
	p.t.Helper()
	p.do(chromedp.Click(chromedp.Search(expr)))
}

// fill replaces the value of a form field.
func (p *page) fill(sel, value string) {
	p.t.Helper()
	p.do(chromedp.SetValue(chromedp.CSS(sel), value))
}

// typeKeys types into a field key by key, as a person does.
func (p *page) typeKeys(sel, text string) {
	p.t.Helper()
	p.do(chromedp.SendKeys(chromedp.CSS(sel), text))
}

// clearField empties a field as a person does: select all, then delete.
func (p *page) clearField(sel string) {
	p.t.Helper()
	p.do(chromedp.Focus(chromedp.CSS(sel)),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(kb.Backspace))
}

// adminPage creates the first admin and opens a tab signed in as them, on
// the contacts list.
func adminPage(t *testing.T, app *portico) *page {
	t.Helper()
	app.createAdmin(t)
	p := newPage(t, app)
	p.signIn()
	return p
}

// signIn signs in as the admin that createAdmin made.
func (p *page) signIn() {
	p.t.Helper()
	p.signInAs(adminEmail, adminPassword)
	p.waitPath("/contacts")
}

// signInAs fills and sends the sign-in form.
func (p *page) signInAs(email, password string) {
	p.t.Helper()
	p.open("/login")
	p.fill(`input[name="email"]`, email)
	p.fill(`input[name="password"]`, password)
	p.click(`form button.primary`)
}

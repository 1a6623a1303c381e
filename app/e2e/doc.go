// Package e2e tests Portico the way a person uses it: a real server, started
// in-process on a free loopback port with a fresh database, driven by
// headless Chromium through chromedp.
//
// It holds only tests and their harness; nothing imports it. Tests build
// their data through app/store and app/agent, then click, type and read
// what the page shows. They need a Chromium or Chrome binary (PORTICO_CHROME
// names one; otherwise chromium, chromium-browser or google-chrome on PATH):
// without one they are skipped, except under CI, where they fail.
package e2e

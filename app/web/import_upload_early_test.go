package web_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// listen serves the test server on a loopback port until the test ends
// and returns its address.
func (ts *testServer) listen() string {
	ts.t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		ts.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { ts.srv.Serve(ctx, ln); close(done) }()
	ts.t.Cleanup(func() { cancel(); <-done })
	return ln.Addr().String()
}

// TestImportUploadRefusedBeforeItsBody announces a 200 MB upload over a
// real connection, sends 64 KB of it and waits for the answer: the
// server refuses from the headers alone, as a server that read the body
// first could only answer once all 200 MB had come.
func TestImportUploadRefusedBeforeItsBody(t *testing.T) {
	ts := newTestServer(t)
	addr := ts.listen()
	agent := ts.admin()
	session := "portico_session=" + agent.cookie("portico_session")
	cases := []struct{ name, headers string }{
		{"anonymous", ""},
		{"expired session", "Cookie: portico_session=not-a-session\r\n"},
		{"signed in, from another site", "Cookie: " + session + "\r\nOrigin: https://evil.example\r\nSec-Fetch-Site: cross-site\r\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body := sendHalf(t, addr, tc.headers)
			if status != http.StatusForbidden || !strings.Contains(body, "This upload was refused before it was read: sign in to Portico") {
				t.Errorf("status %d, body:\n%s", status, mainOf(body))
			}
		})
	}
}

// sendHalf posts the headers of a 200 MB upload to the contacts import
// and 64 KB of its body, then reads the answer.
func sendHalf(t *testing.T, addr, headers string) (int, string) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(30 * time.Second)) // a hang fails the test instead of stalling it
	fmt.Fprintf(conn, "POST /contacts/import HTTP/1.1\r\nHost: %s\r\nContent-Type: multipart/form-data; boundary=b\r\n"+
		"Content-Length: %d\r\n%s\r\n", addr, 200<<20, headers)
	conn.Write([]byte("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n\r\n" + strings.Repeat("x", 64<<10)))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer after 64 KB of a 200 MB upload: %v", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestImportUploadOverTCP takes a signed-in agent's upload from the
// agent's own page over a real connection.
func TestImportUploadOverTCP(t *testing.T) {
	ts := newTestServer(t)
	addr := ts.listen()
	c := ts.admin()
	c.get("/contacts/import")
	req, ct := multipartUpload(t, "http://"+addr+"/contacts/import", c.csrf, "people.csv", peopleCSV)
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Cookie", "portico_session="+c.cookie("portico_session"))
	req.Header.Set("Origin", "http://"+addr)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	resp, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || !strings.HasSuffix(resp.Header.Get("Location"), "/map") {
		t.Errorf("status %d, location %q; want the mapping step", resp.StatusCode, resp.Header.Get("Location"))
	}
}

package model

import "time"

// SMTPSettings are the SMTP server an admin sets in Admin > Email. The
// environment's PORTICO_SMTP_URL, when set, wins over them.
type SMTPSettings struct {
	Host string
	Port int
	// TLS is "starttls", "tls" (implicit, port 465) or "none".
	TLS      string
	Username string
	// Password is sent to the SMTP server and never to a browser.
	Password  string
	UpdatedAt time.Time
}

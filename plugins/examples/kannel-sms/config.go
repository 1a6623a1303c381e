package main

import (
	"context"
	"net/url"
	"regexp"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
)

// settings is an instance's configuration, as schema.json describes it.
type settings struct {
	URL          string `json:"url"`
	Username     string `json:"username"`
	From         string `json:"from"`
	SMSC         string `json:"smsc"`
	CountryCode  string `json:"country_code"`
	ReportListen string `json:"delivery_reports_listen"`
	Timeout      int    `json:"timeout_seconds"`
}

var countryCode = regexp.MustCompile(`^[1-9][0-9]{0,2}$`)

// configure checks the settings and builds the instance, with its
// delivery-report listener when one is configured.
func configure(_ context.Context, c sdk.Config) (sdk.Instance, error) {
	var s settings
	if err := c.Decode(&s); err != nil {
		return nil, err
	}
	u, err := url.Parse(s.URL)
	switch {
	case s.URL == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return nil, sdk.InvalidConfig("url must be Kannel's sendsms URL, e.g. http://127.0.0.1:13013/cgi-bin/sendsms")
	case s.Username == "":
		return nil, sdk.InvalidConfig("username is required: a sendsms-user of Kannel")
	case c.Secrets["password"] == "":
		return nil, sdk.InvalidConfig(`the secret "password" is missing`)
	case s.CountryCode != "" && !countryCode.MatchString(s.CountryCode):
		return nil, sdk.InvalidConfig("country_code must be 1 to 3 digits, e.g. 82")
	case s.Timeout < 0:
		return nil, sdk.InvalidConfig("timeout_seconds must be positive")
	}
	if s.Timeout == 0 {
		s.Timeout = 10
	}
	g := &gateway{cfg: s, password: c.Secrets["password"], instance: c.InstanceID,
		timeout: time.Duration(s.Timeout) * time.Second}
	if s.ReportListen != "" {
		if g.reports, err = listenReports(s.ReportListen); err != nil {
			return nil, sdk.InvalidConfig("delivery_reports_listen: " + err.Error())
		}
	}
	return g, nil
}

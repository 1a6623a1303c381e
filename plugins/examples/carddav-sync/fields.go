package main

import (
	"context"

	"github.com/portico-hub/portico/plugins/sdk"
)

// The remote fields, named after the vCard properties they read and write
// (RFC 6350). "tel" holds the numbers not typed as mobile, "tel_cell" the
// mobile ones; "url" of a company holds its web sites, whose hosts are its
// domains.
var contactFields = []sdk.RemoteField{
	{Name: "fn", Label: "Full name (FN)", Type: "text", DefaultTarget: "name"},
	{Name: "given_name", Label: "Given name (N)", Type: "text"},
	{Name: "family_name", Label: "Family name (N)", Type: "text"},
	{Name: "email", Label: "Email addresses (EMAIL)", Type: "email", Multiple: true, DefaultTarget: "emails"},
	{Name: "tel", Label: "Phone numbers (TEL)", Type: "phone", Multiple: true, DefaultTarget: "phone"},
	{Name: "tel_cell", Label: "Mobile numbers (TEL;TYPE=cell)", Type: "phone", Multiple: true, DefaultTarget: "mobile"},
	{Name: "org", Label: "Organisation (ORG)", Type: "text", DefaultTarget: "company_name"},
	{Name: "title", Label: "Job title (TITLE)", Type: "text", DefaultTarget: "job_title"},
	{Name: "note", Label: "Note (NOTE)", Type: "text", DefaultTarget: "about"},
	{Name: "categories", Label: "Categories (CATEGORIES)", Type: "text", Multiple: true, DefaultTarget: "tags"},
	{Name: "url", Label: "Web sites (URL)", Type: "url", Multiple: true},
	{Name: "bday", Label: "Birthday (BDAY)", Type: "date"},
	{Name: "uid", Label: "vCard UID", Type: "text", ReadOnly: true},
	{Name: "rev", Label: "Last revision (REV)", Type: "datetime", ReadOnly: true},
}

var companyFields = []sdk.RemoteField{
	{Name: "fn", Label: "Name (FN)", Type: "text", DefaultTarget: "name"},
	{Name: "url", Label: "Web sites (URL)", Type: "url", Multiple: true, DefaultTarget: "domains"},
	{Name: "email", Label: "Email addresses (EMAIL)", Type: "email", Multiple: true},
	{Name: "tel", Label: "Phone numbers (TEL)", Type: "phone", Multiple: true},
	{Name: "note", Label: "Note (NOTE)", Type: "text", DefaultTarget: "notes"},
	{Name: "categories", Label: "Categories (CATEGORIES)", Type: "text", Multiple: true, DefaultTarget: "tags"},
	{Name: "uid", Label: "vCard UID", Type: "text", ReadOnly: true},
	{Name: "rev", Label: "Last revision (REV)", Type: "datetime", ReadOnly: true},
}

// DescribeRemote says what the address book holds: people's cards and
// organisation cards (KIND:org), both writable, deletes pulled.
func (b *book) DescribeRemote(context.Context) (sdk.RemoteSchema, error) {
	return sdk.RemoteSchema{Objects: []sdk.RemoteObject{
		{Name: sdk.ObjectContact, Label: "vCard of a person", Fields: contactFields,
			LookupBy: []string{"email"}, PullsDeletes: true, Writable: true},
		{Name: sdk.ObjectCompany, Label: "vCard of an organisation (KIND:org)", Fields: companyFields,
			LookupBy: []string{"name", "domain"}, PullsDeletes: true, Writable: true},
	}}, nil
}

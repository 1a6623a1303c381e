package sdk

import "github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"

// BatchToProto converts a batch to its wire form.
func BatchToProto(b Batch) *pluginv1.ImportBatch {
	out := &pluginv1.ImportBatch{Cursor: b.Cursor, Records: make([]*pluginv1.Record, len(b.Records)),
		Progress: &pluginv1.Progress{Done: b.Progress.Done, Total: b.Progress.Total}}
	for i, r := range b.Records {
		out.Records[i] = RecordToProto(r)
	}
	return out
}

// BatchFromProto converts a wire batch.
func BatchFromProto(p *pluginv1.ImportBatch) Batch {
	b := Batch{Cursor: p.GetCursor(), Records: make([]Record, len(p.GetRecords())),
		Progress: Progress{Done: p.GetProgress().GetDone(), Total: p.GetProgress().GetTotal()}}
	for i, r := range p.GetRecords() {
		b.Records[i] = RecordFromProto(r)
	}
	return b
}

// RecordToProto converts a record to its wire form.
func RecordToProto(r Record) *pluginv1.Record {
	switch {
	case r.Contact != nil:
		c := r.Contact
		return &pluginv1.Record{Kind: &pluginv1.Record_Contact{Contact: &pluginv1.Contact{
			ExternalId: c.ExternalID, Name: c.Name, Emails: c.Emails, Phone: c.Phone,
			Mobile: c.Mobile, JobTitle: c.JobTitle, Language: c.Language, TimeZone: c.TimeZone,
			CompanyExternalId: c.CompanyExternalID, CompanyName: c.CompanyName,
			Tags: c.Tags, About: c.About, CustomFields: c.CustomFields}}}
	case r.Company != nil:
		c := r.Company
		return &pluginv1.Record{Kind: &pluginv1.Record_Company{Company: &pluginv1.Company{
			ExternalId: c.ExternalID, Name: c.Name, Domains: c.Domains, Description: c.Description,
			Notes: c.Notes, Tags: c.Tags, CustomFields: c.CustomFields}}}
	}
	return &pluginv1.Record{}
}

// RecordFromProto converts a wire record; an empty one has neither field.
func RecordFromProto(p *pluginv1.Record) Record {
	if c := p.GetContact(); c != nil {
		return Record{Contact: &Contact{ExternalID: c.ExternalId, Name: c.Name, Emails: c.Emails,
			Phone: c.Phone, Mobile: c.Mobile, JobTitle: c.JobTitle, Language: c.Language,
			TimeZone: c.TimeZone, CompanyExternalID: c.CompanyExternalId, CompanyName: c.CompanyName,
			Tags: c.Tags, About: c.About, CustomFields: c.CustomFields}}
	}
	if c := p.GetCompany(); c != nil {
		return Record{Company: &Company{ExternalID: c.ExternalId, Name: c.Name, Domains: c.Domains,
			Description: c.Description, Notes: c.Notes, Tags: c.Tags, CustomFields: c.CustomFields}}
	}
	return Record{}
}

package contact

import "github.com/portico-hub/portico/app/model"

// mergeFields are the fields a merge chooses between, in display order.
var mergeFields = []struct {
	key, label string
	at         func(*model.ContactFields) *string
}{
	{"name", "Name", func(f *model.ContactFields) *string { return &f.Name }},
	{"job_title", "Job title", func(f *model.ContactFields) *string { return &f.JobTitle }},
	{"phone", "Work phone", func(f *model.ContactFields) *string { return &f.Phone }},
	{"mobile", "Mobile", func(f *model.ContactFields) *string { return &f.Mobile }},
	{"language", "Language", func(f *model.ContactFields) *string { return &f.Language }},
	{"time_zone", "Time zone", func(f *model.ContactFields) *string { return &f.TimeZone }},
	{"external_id", "External ID", func(f *model.ContactFields) *string { return &f.ExternalID }},
	{"twitter_id", "X handle", func(f *model.ContactFields) *string { return &f.TwitterID }},
	{"address", "Address", func(f *model.ContactFields) *string { return &f.Address }},
	{"about", "About", func(f *model.ContactFields) *string { return &f.About }},
}

// MergeFieldKeys lists the field keys a merge form may pick values for.
func MergeFieldKeys() []string {
	out := make([]string, len(mergeFields))
	for i, f := range mergeFields {
		out[i] = f.key
	}
	return out
}

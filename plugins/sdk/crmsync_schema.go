package sdk

import "github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"

// RemoteSchema is what a connector syncs: its object types and fields.
type RemoteSchema struct {
	Objects []RemoteObject
}

// RemoteObject is one remote object type, ObjectContact or ObjectCompany.
type RemoteObject struct {
	Name   string
	Label  string
	Fields []RemoteField
	// LookupBy says what Lookup can match by: "email", "name", "domain".
	LookupBy []string
	// PullsDeletes is true when Pull sends tombstones for this type.
	PullsDeletes bool
	// Writable is true when Push can create, update and delete it.
	Writable bool
}

// RemoteField is one remote field the admin can map.
type RemoteField struct {
	Name  string
	Label string
	// Type is "text", "number", "date", "datetime", "boolean", "enum",
	// "email", "phone" or "url".
	Type       string
	EnumValues []string
	ReadOnly   bool
	// Multiple is true for fields with several values (emails, tags).
	Multiple bool
	// DefaultTarget is the Portico field it fills by default, e.g.
	// "emails" or "job_title".
	DefaultTarget string
}

// SchemaToProto converts a remote schema to its wire form.
func SchemaToProto(s RemoteSchema) *pluginv1.RemoteSchema {
	p := &pluginv1.RemoteSchema{}
	for _, o := range s.Objects {
		po := &pluginv1.RemoteObject{Name: o.Name, Label: o.Label, LookupBy: o.LookupBy,
			PullsDeletes: o.PullsDeletes, Writable: o.Writable}
		for _, f := range o.Fields {
			po.Fields = append(po.Fields, &pluginv1.RemoteField{Name: f.Name, Label: f.Label, Type: f.Type,
				EnumValues: f.EnumValues, ReadOnly: f.ReadOnly, Multiple: f.Multiple, DefaultTarget: f.DefaultTarget})
		}
		p.Objects = append(p.Objects, po)
	}
	return p
}

// SchemaFromProto converts a wire remote schema.
func SchemaFromProto(p *pluginv1.RemoteSchema) RemoteSchema {
	var s RemoteSchema
	for _, po := range p.GetObjects() {
		o := RemoteObject{Name: po.GetName(), Label: po.GetLabel(), LookupBy: po.GetLookupBy(),
			PullsDeletes: po.GetPullsDeletes(), Writable: po.GetWritable()}
		for _, f := range po.GetFields() {
			o.Fields = append(o.Fields, RemoteField{Name: f.GetName(), Label: f.GetLabel(), Type: f.GetType(),
				EnumValues: f.GetEnumValues(), ReadOnly: f.GetReadOnly(), Multiple: f.GetMultiple(),
				DefaultTarget: f.GetDefaultTarget()})
		}
		s.Objects = append(s.Objects, o)
	}
	return s
}

// LookupQueryToProto converts a lookup query to its wire form.
func LookupQueryToProto(q LookupQuery) *pluginv1.LookupQuery {
	return &pluginv1.LookupQuery{Object: q.Object, Emails: q.Emails, Name: q.Name, Domains: q.Domains}
}

// LookupQueryFromProto converts a wire lookup query.
func LookupQueryFromProto(p *pluginv1.LookupQuery) LookupQuery {
	return LookupQuery{Object: p.GetObject(), Emails: p.GetEmails(), Name: p.GetName(), Domains: p.GetDomains()}
}

package crmsync

import (
	"fmt"
	"slices"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/plugins/sdk"
)

// The directions and conflict rules of a field mapping.
const (
	Both      = "both"
	ToPortico = "to_portico"
	ToRemote  = "to_remote"
	None      = "none"

	PreferPortico  = "prefer_portico"
	PreferRemote   = "prefer_remote"
	PreferNonEmpty = "prefer_non_empty"
	LatestWins     = "latest_wins"
)

// porticoFields are the fields a mapping can name, by object.
var porticoFields = map[string][]string{sdk.ObjectContact: ContactFields, sdk.ObjectCompany: CompanyFields}

// DefaultMapping maps every Portico field a remote field names as its
// default target, both ways, the latest change winning a conflict.
func DefaultMapping(schema sdk.RemoteSchema) []model.CRMFieldMap {
	var out []model.CRMFieldMap
	for _, o := range schema.Objects {
		for _, f := range o.Fields {
			if slices.Contains(porticoFields[o.Name], f.DefaultTarget) && !f.ReadOnly {
				out = append(out, model.CRMFieldMap{Object: o.Name, PorticoField: f.DefaultTarget, RemoteField: f.Name,
					Direction: Both, Rule: LatestWins})
			}
		}
	}
	return out
}

// CheckMapping refuses a mapping naming unknown fields, a remote field
// twice, a read-only remote field written to, or unknown directions and
// rules; the message names the field.
func CheckMapping(schema sdk.RemoteSchema, maps []model.CRMFieldMap) error {
	v := &model.ValidationError{}
	used := map[string]bool{}
	for _, m := range maps {
		key := m.Object + "." + m.PorticoField
		rf, ok := remoteField(schema, m.Object, m.RemoteField)
		switch {
		case !slices.Contains(porticoFields[m.Object], m.PorticoField):
			v.Add(key, fmt.Sprintf("Portico has no %s field %q to map.", m.Object, m.PorticoField))
		case !ok:
			v.Add(key, fmt.Sprintf("The connector has no %s field %q.", m.Object, m.RemoteField))
		case !slices.Contains([]string{Both, ToPortico, ToRemote, None}, m.Direction):
			v.Add(key, "Choose a direction: both, to Portico, to the remote or none.")
		case !slices.Contains([]string{PreferPortico, PreferRemote, PreferNonEmpty, LatestWins}, m.Rule):
			v.Add(key, "Choose a conflict rule: prefer Portico, prefer the remote, prefer non-empty or latest wins.")
		case rf.ReadOnly && (m.Direction == Both || m.Direction == ToRemote):
			v.Add(key, fmt.Sprintf("The remote field %q is read-only: map it to Portico only.", m.RemoteField))
		case used[m.Object+"."+m.RemoteField] && m.Direction != None:
			v.Add(key, fmt.Sprintf("The remote field %q is mapped twice.", m.RemoteField))
		}
		used[m.Object+"."+m.RemoteField] = true
	}
	return v.Err()
}

func remoteField(schema sdk.RemoteSchema, object, name string) (sdk.RemoteField, bool) {
	for _, o := range schema.Objects {
		if o.Name != object {
			continue
		}
		for _, f := range o.Fields {
			if f.Name == name {
				return f, true
			}
		}
	}
	return sdk.RemoteField{}, false
}

// active is the mapping of one object without the fields mapped "none".
func active(maps []model.CRMFieldMap, object string) []model.CRMFieldMap {
	var out []model.CRMFieldMap
	for _, m := range maps {
		if m.Object == object && m.Direction != None {
			out = append(out, m)
		}
	}
	return out
}

// remoteValues reads a pulled change's mapped fields in Portico's terms.
func remoteValues(maps []model.CRMFieldMap, remote map[string][]string) values {
	v := values{}
	for _, m := range maps {
		v[m.PorticoField] = normalise(m.PorticoField, remote[m.RemoteField])
	}
	return v
}

// toRemote writes the named Portico fields in the remote's terms; a
// company's domains become web addresses.
func toRemote(maps []model.CRMFieldMap, v values, fields []string) map[string][]string {
	out := map[string][]string{}
	for _, m := range maps {
		if !slices.Contains(fields, m.PorticoField) {
			continue
		}
		vals := append([]string{}, v[m.PorticoField]...)
		if m.PorticoField == "domains" {
			for i, d := range vals {
				vals[i] = "https://" + d
			}
		}
		out[m.RemoteField] = vals
	}
	return out
}

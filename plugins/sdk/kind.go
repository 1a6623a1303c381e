package sdk

import (
	"fmt"

	"github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"
)

// Kind is what a plugin can be used for, spelt as in plugin.json.
type Kind string

// The plugin kinds of protocol v1.
const (
	KindImporter Kind = "importer"
	KindCRMSync  Kind = "crm_sync"
	KindNotifier Kind = "notifier"
)

var kindToProto = map[Kind]pluginv1.Kind{
	KindImporter: pluginv1.Kind_KIND_IMPORTER,
	KindCRMSync:  pluginv1.Kind_KIND_CRM_SYNC,
	KindNotifier: pluginv1.Kind_KIND_NOTIFIER,
}

// ParseKind checks a kind's spelling.
func ParseKind(s string) (Kind, error) {
	if _, ok := kindToProto[Kind(s)]; !ok {
		return "", fmt.Errorf("unknown plugin kind %q (want importer, crm_sync or notifier)", s)
	}
	return Kind(s), nil
}

// KindToProto converts a kind to its wire form.
func KindToProto(k Kind) pluginv1.Kind { return kindToProto[k] }

// KindFromProto converts a wire kind; unknown values come back empty.
func KindFromProto(k pluginv1.Kind) Kind {
	for kind, p := range kindToProto {
		if p == k {
			return kind
		}
	}
	return ""
}

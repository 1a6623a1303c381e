package pluginhost

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Field is one input of an instance's configuration form, generated from
// a property of the plugin's JSON Schema.
type Field struct {
	Name        string
	Title       string
	Description string
	// Type is string, integer, number, boolean or json (anything else,
	// edited as JSON text).
	Type     string
	Enum     []string
	Required bool
	// Secret fields have "format": "password": they are stored apart,
	// never shown again and sent to the plugin in Config.Secrets.
	Secret bool
}

type property struct {
	Type        any    `json:"type"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Format      string `json:"format"`
	Enum        []any  `json:"enum"`
}

// fields lists a schema's top-level properties, required ones first.
func fields(schema json.RawMessage) ([]Field, error) {
	if len(schema) == 0 {
		return nil, nil
	}
	var s struct {
		Properties map[string]property `json:"properties"`
		Required   []string            `json:"required"`
	}
	if err := json.Unmarshal(schema, &s); err != nil {
		return nil, fmt.Errorf("config_schema: %w", err)
	}
	out := make([]Field, 0, len(s.Properties))
	for name, p := range s.Properties {
		f := Field{Name: name, Title: p.Title, Description: p.Description, Type: typeOf(p.Type), Secret: p.Format == "password"}
		for _, e := range p.Enum {
			f.Enum = append(f.Enum, fmt.Sprint(e))
		}
		for _, r := range s.Required {
			f.Required = f.Required || r == name
		}
		if f.Title == "" {
			f.Title = strings.ToUpper(name[:1]) + strings.ReplaceAll(name[1:], "_", " ")
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Required != out[j].Required {
			return out[i].Required
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

func typeOf(t any) string {
	switch t {
	case "string", "integer", "number", "boolean":
		return t.(string)
	}
	return "json"
}

// validate checks a configuration (secrets included) against the schema
// and returns field-level messages keyed by property name ("" for the
// whole configuration).
func validate(schema json.RawMessage, config map[string]any) (map[string]string, error) {
	if len(schema) == 0 {
		return nil, nil
	}
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		return nil, fmt.Errorf("config_schema: %w", err)
	}
	if err := c.AddResource("config.json", doc); err != nil {
		return nil, err
	}
	sch, err := c.Compile("config.json")
	if err != nil {
		return nil, fmt.Errorf("config_schema: %w", err)
	}
	data, _ := json.Marshal(config)
	inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	var ve *jsonschema.ValidationError
	if err := sch.Validate(inst); !errors.As(err, &ve) {
		return nil, err
	}
	out := map[string]string{}
	collect(ve, out, message.NewPrinter(language.English))
	return out, nil
}

// collect walks to the leaf errors, which say what is wrong and where.
func collect(e *jsonschema.ValidationError, out map[string]string, p *message.Printer) {
	if len(e.Causes) > 0 {
		for _, c := range e.Causes {
			collect(c, out, p)
		}
		return
	}
	add := func(field, msg string) {
		if _, ok := out[field]; !ok {
			out[field] = msg
		}
	}
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		for _, m := range k.Missing {
			add(m, "This field is required.")
		}
	case *kind.AdditionalProperties:
		add("", fmt.Sprintf("Unknown settings: %s.", strings.Join(k.Properties, ", ")))
	default:
		field := ""
		if len(e.InstanceLocation) > 0 {
			field = e.InstanceLocation[0]
		}
		msg := k.LocalizedString(p)
		add(field, strings.ToUpper(msg[:1])+msg[1:]+".")
	}
}

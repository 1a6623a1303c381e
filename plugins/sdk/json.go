package sdk

import (
	"bytes"
	"encoding/json"
	"errors"
)

// strictJSON decodes one JSON value, refusing unknown fields and trailing
// data, so a typo in a configuration is reported instead of ignored.
func strictJSON(data []byte, v any) error {
	if len(bytes.TrimSpace(data)) == 0 {
		data = []byte("{}")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("unexpected data after the JSON object")
	}
	return nil
}

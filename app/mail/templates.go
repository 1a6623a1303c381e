package mail

import (
	"context"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Templates reads and edits the email templates: an admin's saved
// version where there is one, the built-in one otherwise.
type Templates struct {
	Store *store.Store
}

// List returns every template in the editor's order.
func (ts *Templates) List(ctx context.Context) ([]Template, error) {
	saved, err := ts.Store.EmailTemplates(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Template, len(defaults))
	for i, d := range defaults {
		out[i] = merge(d, saved[d.Key], saved[d.Key].Key != "")
	}
	return out, nil
}

// Get returns one template; an unknown key is ErrNotFound.
func (ts *Templates) Get(ctx context.Context, key string) (Template, error) {
	d, ok := builtin(key)
	if !ok {
		return Template{}, fmt.Errorf("mail: template %q: %w", key, model.ErrNotFound)
	}
	saved, err := ts.Store.EmailTemplate(ctx, key)
	if errors.Is(err, model.ErrNotFound) {
		return d, nil
	}
	if err != nil {
		return Template{}, err
	}
	return merge(d, *saved, true), nil
}

// Default returns the built-in version of a template, for "reset".
func Default(key string) (Template, error) {
	d, ok := builtin(key)
	if !ok {
		return Template{}, fmt.Errorf("mail: template %q: %w", key, model.ErrNotFound)
	}
	return d, nil
}

// Save checks an admin's edit and stores it.
func (ts *Templates) Save(ctx context.Context, actor model.Actor, t Template) error {
	if _, ok := builtin(t.Key); !ok {
		return fmt.Errorf("mail: template %q: %w", t.Key, model.ErrNotFound)
	}
	if _, err := t.Validate(); err != nil {
		return err
	}
	return ts.Store.SaveEmailTemplate(ctx, actor, model.EmailTemplate{Key: t.Key, Subject: t.Subject, HTML: t.HTML, Text: t.Text})
}

// Reset goes back to the built-in version.
func (ts *Templates) Reset(ctx context.Context, key string) error {
	if _, ok := builtin(key); !ok {
		return fmt.Errorf("mail: template %q: %w", key, model.ErrNotFound)
	}
	return ts.Store.DeleteEmailTemplate(ctx, key)
}

func merge(d Template, saved model.EmailTemplate, custom bool) Template {
	if !custom {
		return d
	}
	d.Subject, d.HTML, d.Text, d.Custom = saved.Subject, saved.HTML, saved.Text, true
	d.UpdatedAt, d.UpdatedBy = saved.UpdatedAt, saved.UpdatedBy
	return d
}

package imports

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
)

// BusyError refuses an import while another one runs or waits. Live is
// false when no worker holds it: it waits for its first worker, or its
// worker died and its lease ran out. The next runner takes it up, so it
// is never stuck.
type BusyError struct {
	ImportID int64
	Filename string
	Live     bool
}

func (e *BusyError) Error() string {
	if !e.Live {
		return fmt.Sprintf("Import %d (%s) is waiting for the server to start or resume it; wait for it or cancel it.", e.ImportID, e.Filename)
	}
	return fmt.Sprintf("Import %d (%s) is running; wait for it to finish or cancel it.", e.ImportID, e.Filename)
}

// Is makes errors.Is(err, model.ErrConflict) hold.
func (e *BusyError) Is(target error) bool { return target == model.ErrConflict }

// Start checks an import, keeps a copy of its file (unless p asks for a
// dry run in place) and queues its job; it returns the import's id. A
// real import is refused with a *BusyError while another runs; dry runs
// write nothing and never wait.
func Start(ctx context.Context, d Deps, r *jobs.Runner, actor model.Actor, p Params) (int64, error) {
	p, err := p.withDefaults()
	if err != nil {
		return 0, err
	}
	im, err := d.check(p)
	if err != nil {
		return 0, err
	}
	if !p.DryRun {
		if err := busy(ctx, d); err != nil {
			return 0, err
		}
	}
	im.CreatedBy = actor.ID
	id, err := d.Store.CreateImport(ctx, im)
	if err != nil {
		return 0, err
	}
	path, err := d.place(id, p)
	if err == nil && p.PluginInstance != 0 {
		err = d.Store.SetImportSource(ctx, id, p.PluginInstance)
	}
	if err == nil {
		err = d.Store.SetImportFile(ctx, id, path, 0) // before the job can run
	}
	if err != nil {
		d.Store.FinishImport(ctx, id, model.JobFailed, "The file could not be stored.")
		return 0, err
	}
	nj := model.NewJob{Kind: JobKind, Payload: fmt.Sprintf(`{"import_id":%d}`, id), CreatedBy: actor.ID, MaxAttempts: 10}
	if !p.DryRun {
		nj.Singleton = Singleton
	}
	jobID, err := r.Enqueue(ctx, nj)
	if err != nil {
		d.Store.FinishImport(ctx, id, model.JobFailed, "Another import started at the same moment.")
		if path != p.Path {
			os.Remove(path)
		}
		return 0, errors.Join(busy(ctx, d), err)
	}
	return id, d.Store.SetImportFile(ctx, id, path, jobID)
}

// check opens the file as the params say and builds the import's record.
func (d Deps) check(p Params) (model.Import, error) {
	dl, err := json.Marshal(p.Dialect)
	if err != nil {
		return model.Import{}, fmt.Errorf("imports: encode dialect: %w", err)
	}
	im := model.Import{Kind: string(p.Kind), Filename: p.Filename, Path: p.Path, Dialect: string(dl), Mode: string(p.Mode),
		Match: string(p.Match), Blank: string(p.Blank), SendActivation: p.SendActivation, DryRun: p.DryRun, Mapping: p.Map,
		PluginInstanceID: p.PluginInstance}
	if p.PluginInstance != 0 {
		return im, checkPluginMapping(&im, p)
	}
	fi, err := os.Stat(p.Path)
	if err != nil {
		return im, fmt.Errorf("imports: %w", err)
	}
	im.Size = fi.Size()
	f, err := d.openFile(&im)
	if err != nil {
		return im, err
	}
	defer f.Close()
	m := f.m
	if p.Map == nil {
		m = suggestMapping(p.Kind, f.rd.Header())
	}
	if err := m.Validate(); err != nil {
		return im, err
	}
	im.Mapping = m.Specs()
	return im, checkMatch(m, p.Match)
}

// place is where the import reads its file: the caller's file for a dry
// run in place, else a copy that keep makes.
func (d Deps) place(id int64, p Params) (string, error) {
	if p.PluginInstance != 0 {
		return "", nil // a stream has no file to keep
	}
	if p.DryRun && p.InPlace {
		return p.Path, nil
	}
	return d.keep(id, p.Path, p.Filename)
}

// keep copies the file to <files>/imports/<id>.<ext>. A copy, not a
// link: a resumed import must read the very bytes the first run read,
// whatever happens to the original meanwhile.
func (d Deps) keep(id int64, src, name string) (string, error) {
	dir := filepath.Join(d.FilesDir, "imports")
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", fmt.Errorf("imports: create %s: %w", dir, err)
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext != ".csv" && ext != ".xlsx" && ext != ".tsv" && ext != ".txt" {
		ext = ".dat"
	}
	dst := filepath.Join(dir, fmt.Sprintf("%d%s", id, ext))
	return dst, copyFile(src, dst)
}

package web

import (
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/model"
)

// exportView is an export as the pages show it at a moment: a finished
// export past its expiry shows as expired before the sweep deletes it.
type exportView struct {
	*model.Export
	Now time.Time
}

// Shown is the state to show.
func (v exportView) Shown() model.ExportState { return v.StateAt(v.Now) }

// Percent is how far the file got, for the progress bar.
func (v exportView) Percent() int {
	switch {
	case v.Finished():
		return 100
	case v.RowsTotal == 0:
		return 0
	}
	return min(100, v.RowsDone*100/v.RowsTotal)
}

// HumanSize is the file's size in B, KB or MB.
func (v exportView) HumanSize() string {
	switch n := float64(v.Size); {
	case n < 1000:
		return fmt.Sprintf("%d B", v.Size)
	case n < 1e6:
		return fmt.Sprintf("%.0f KB", n/1e3)
	default:
		return fmt.Sprintf("%.1f MB", n/1e6)
	}
}

// URL is the export's own page: a report's export has the report's.
func (v exportView) URL() string {
	if v.Kind == model.ExportTimesheet {
		return fmt.Sprintf("/reports/timesheet/exports/%d", v.ID)
	}
	return fmt.Sprintf("/contacts/exports/%d", v.ID)
}

// Badge is the badge class of the state shown.
func (v exportView) Badge() string {
	switch v.Shown() {
	case model.ExportDone:
		return "badge-verified"
	case model.ExportFailed:
		return "badge-failed"
	case model.ExportExpired:
		return "badge-deleted"
	}
	return "badge-queued"
}

// FormatName is the format as people call it.
func (v exportView) FormatName() string {
	if v.Format == "xlsx" {
		return "Excel"
	}
	return "CSV"
}

// exportListPage is the agent's own exports, newest first.
type exportListPage struct {
	Base
	Exports []exportView
}

// exportList lists the signed-in agent's exports; nobody sees another
// agent's, admins included, as the files hold every contact's data.
func (s *Server) exportList(c *fiber.Ctx) error {
	xs, err := exports.Mine(c.UserContext(), s.exports, currentAgent(c), 100)
	if err != nil {
		return err
	}
	p := exportListPage{Base: base(c, "Exports", "contacts")}
	now := s.store.Now()
	for i := range xs {
		p.Exports = append(p.Exports, exportView{Export: &xs[i], Now: now})
	}
	return render(c, fiber.StatusOK, "exports/list", "", p)
}

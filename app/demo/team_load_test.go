package demo_test

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"testing"

	"github.com/portico-hub/portico/app/demo"
	"github.com/portico-hub/portico/app/store"
)

// BenchmarkLoadDemo measures what `make demo` waits for on its first
// start: the sample data, then the team's year, into a new database.
func BenchmarkLoadDemo(b *testing.B) {
	ctx := context.Background()
	log := slog.New(slog.DiscardHandler)
	for b.Loop() {
		st, err := store.Open(ctx, filepath.Join(b.TempDir(), "portico.db"))
		if err != nil {
			b.Fatal(err)
		}
		if err := demo.Load(ctx, st, log); err != nil {
			b.Fatal(err)
		}
		if err := demo.LoadTeam(ctx, st, log); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}

// TestTeamIsTheSameEachTime: the team's work is seeded, so screenshots
// and walkthroughs of the demo stay true from one start to the next.
func TestTeamIsTheSameEachTime(t *testing.T) {
	ctx := context.Background()
	var runs [2][]string
	for i := range runs {
		st, err := store.Open(ctx, filepath.Join(t.TempDir(), "portico.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		log := slog.New(slog.DiscardHandler)
		if err := demo.Load(ctx, st, log); err != nil {
			t.Fatal(err)
		}
		if err := demo.LoadTeam(ctx, st, log); err != nil {
			t.Fatal(err)
		}
		for id := int64(1); id <= 45; id++ {
			rs, err := st.Replies(ctx, id, true)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs {
				runs[i] = append(runs[i], r.AuthorName+": "+r.Body)
			}
			es, err := st.TicketTimeEntries(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range es {
				runs[i] = append(runs[i], fmt.Sprint(e.AgentID, e.Seconds, e.Billable))
			}
		}
	}
	if len(runs[0]) < 100 || !slices.Equal(runs[0], runs[1]) {
		t.Errorf("two loads differ, or hold little: %d and %d lines", len(runs[0]), len(runs[1]))
	}
}

// TestLoadTeamOnce: a second start of the demo, or a database with its
// own agents, gets no second team.
func TestLoadTeamOnce(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "portico.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	log := slog.New(slog.DiscardHandler)
	if err := demo.Load(ctx, st, log); err != nil {
		t.Fatal(err)
	}
	if err := demo.LoadTeam(ctx, st, log); err != nil {
		t.Fatal(err)
	}
	agents, _ := st.CountAgents(ctx)
	replies, _ := st.Replies(ctx, 1, true)
	if err := demo.LoadTeam(ctx, st, log); err != nil {
		t.Fatal(err)
	}
	again, _ := st.CountAgents(ctx)
	more, _ := st.Replies(ctx, 1, true)
	if agents < 4 || again != agents || len(more) != len(replies) {
		t.Errorf("agents %d then %d, replies %d then %d; want the team loaded once", agents, again, len(replies), len(more))
	}
}

package demo

import (
	"context"
	"fmt"
	"log/slog"
	"time"
	"unicode"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// teammate is a sample support agent; Korean ones answer the Korean
// tickets.
type teammate struct {
	Name, Email string
	Korean      bool
}

// team are the agents who work the sample tickets besides the admin.
// They have no password: they are colleagues to see, not accounts to use.
var team = []teammate{
	{"Priya Raman", "priya@portico.test", false},
	{"김지훈", "jihoon@portico.test", true},
	{"Marcus Webb", "marcus@portico.test", false},
	{"박서연", "seoyeon@portico.test", true},
}

// LoadTeam adds the support team's year to the sample data Load wrote:
// agents, the tickets' conversations and time, past imports and
// exports, and a webhook endpoint with its log. It runs after the admin
// exists, since the first admin can only be created while there is no
// agent, and does nothing in a database that has more than Load wrote.
func LoadTeam(ctx context.Context, st *store.Store, log *slog.Logger) error {
	if done, err := worked(ctx, st); err != nil || done {
		return err
	}
	clock := st.Now
	defer func() { st.Now = clock }()
	y := newYear(st, clock())
	agents, err := hire(ctx, st, y)
	if err != nil {
		return err
	}
	admin, err := firstAdmin(ctx, st)
	if err != nil {
		return err
	}
	d := &desk{st: st, y: y, agents: agents, admin: admin}
	if err := d.work(ctx); err != nil {
		return err
	}
	if err := keepHistory(ctx, st, y, admin, agents); err != nil {
		return err
	}
	if err := hookUp(ctx, st, y); err != nil {
		return err
	}
	log.Info("loaded the sample team's work", "agents", len(agents), "replies", d.replies, "time entries", d.entries)
	return nil
}

// worked reports whether the database has more than the sample data
// and its admin: other agents or a webhook endpoint.
func worked(ctx context.Context, st *store.Store) (bool, error) {
	n, err := st.CountAgents(ctx)
	if err != nil || n > 1 {
		return n > 1, err
	}
	eps, err := st.WebhookEndpoints(ctx, false)
	return len(eps) > 0, err
}

// hire creates the team in the year's first days.
func hire(ctx context.Context, st *store.Store, y *year) ([]member, error) {
	out := make([]member, 0, len(team))
	for i, m := range team {
		y.at(time.Duration(i+1) * 26 * time.Hour)
		a, err := st.CreateAgent(ctx, m.Name, m.Email, model.RoleAgent, "", "", nil)
		if err != nil {
			return nil, fmt.Errorf("demo: agent %s: %w", m.Name, err)
		}
		out = append(out, member{teammate: m, actor: model.Actor{ID: a.ID, Name: a.Name}})
	}
	return out, nil
}

// member is a teammate as an agent of the store.
type member struct {
	teammate
	actor model.Actor
}

func isKorean(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

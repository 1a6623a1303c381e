package timesheet

import (
	"context"

	"github.com/portico-hub/portico/app/model"
)

// TicketTotals sums the time logged on a ticket.
func (s *Service) TicketTotals(ctx context.Context, ticketID int64) (model.TimeTotals, error) {
	return s.Store.TicketTimeTotals(ctx, ticketID)
}

// TicketsTotals sums the time logged on each of the tickets.
func (s *Service) TicketsTotals(ctx context.Context, ticketIDs []int64) (map[int64]model.TimeTotals, error) {
	return s.Store.TicketsTime(ctx, ticketIDs)
}

// CompanyTotals sums the time logged on a company's tickets.
func (s *Service) CompanyTotals(ctx context.Context, companyID int64) (model.TimeTotals, error) {
	return s.Store.CompanyTimeTotals(ctx, companyID)
}

// CompanyBillable says whether a company's time is billable by default.
func (s *Service) CompanyBillable(ctx context.Context, companyID int64) (bool, error) {
	return s.Store.CompanyTimeBillable(ctx, companyID)
}

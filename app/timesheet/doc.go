// Package timesheet owns time tracking on tickets and the Time Sheet
// Summary report: reading durations as agents type them, the one running
// timer per agent, who may change which entry, the report's filters,
// groups, totals and chart, and the report's CSV and Excel files.
//
// It holds no HTTP and no SQL; it imports model, store and exports (to
// write a report's file).
package timesheet

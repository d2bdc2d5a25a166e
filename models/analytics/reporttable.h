#pragma once
// What a printed report shows of a table: display strings, never codes. A DataTable keeps
// machine values for CSV and JSON ("red", "<=", "duplicate_touch", cents, snake_case column
// names); on paper a reader gets the translated headers, the labels of states, operators and
// rules, numbers in the locale with their units and money in the company's currency.
// The PDF and the printed report (ui/reportdocument.h) lay these strings out; the formatting
// lives here so it is tested without a GUI.
#include "analytics/datatable.h"
#include "analytics/kpi.h"

#include <QLocale>
#include <QStringList>

namespace cockpit::analytics {

struct ReportTable
{
    QStringList headers;
    QList<QStringList> rows;
    QList<bool> numeric; // per column: figures, right-aligned and never wrapped
    int moreRows = 0;    // rows left out beyond ReportFormat::maxRows
};

struct ReportFormat
{
    QLocale locale;
    // The currency of *_cents columns when the table does not name one (DataTable::currency):
    // the company's (OrgUnits::currency).
    QString currency = QStringLiteral("CNY");
    QStringList hiddenColumns; // machine names left out besides the automatic ones
    int maxRows = -1;          // -1: all
};

// The report rows of any DataTable. Left out: the key column, ids (*_id), codes (*_code,
// *_key) and a "kpi" key beside its "label". Values: money (*_cents) with the currency's
// symbol and its code in the header, ratios (*_pct) with %, *_days with "days", timestamps
// (*_at) in local time, RAG states (status, rag, code) and comparison operators (direction)
// as their labels, alert rule codes as the rule's name, 0/1 flags (flagged, too_few) as
// "yes" / blank (a flag column no row raises is left out), other numbers with the locale's
// grouping; empty cells as "—".
ReportTable reportTable(const DataTable &table, const ReportFormat &format = {});

// The KPI baseline as a director reads it: one row per tile with its value, status, healthy
// threshold ("≤ 7.2 days") and industry mean in the tile's unit, the calculation behind it
// ("540,307 gap days ÷ 46,425 gaps"), the sample and the note.
ReportTable kpiReportTable(const QVector<KpiTile> &tiles, const QLocale &locale = {});

// Helpers, public for tests.
// `value` with at most `maxDecimals` decimals, trailing zeros dropped ("7.2", "46,425").
QString reportNumber(double value, const QLocale &locale, int maxDecimals = 2);
// "11.6 days", "35.7 %", "5.0 per rep-day" (`unit` is translated already).
QString valueWithUnit(const QString &number, const QString &unit);
// "<=" → "≤", ">=" → "≥", "<" / ">" / "=" kept; anything else unchanged.
QString comparisonLabel(const QString &op);
// "green" → the translated "Green" …; anything that is not a RAG key unchanged.
QString ragKeyLabel(const QString &key);

} // namespace cockpit::analytics

#pragma once
// Money is integer cents (分) of CNY everywhere; these are its only conversions to text.
#include <QLocale>
#include <QString>
#include <optional>

namespace cockpit {

// "¥1,234,567.89" in the locale's grouping; whole yuan drop the ".00" when wholeYuan is set.
QString formatCny(qint64 cents, const QLocale &locale, bool wholeYuan = true);

// Parses "1234", "1,234.5", "¥ 1 234.56", "12.3万" into cents without floating point.
// Returns nothing for empty, malformed, negative or out-of-range input.
std::optional<qint64> parseCny(const QString &text);

} // namespace cockpit

#pragma once
// Money is integer cents (分, or the minor unit of the company's currency: an import may say
// USD, settings key "currency") everywhere; these are its only conversions to text.
#include <QLocale>
#include <QString>
#include <optional>

namespace cockpit {

// "¥1,234,567.89" in the locale's grouping; whole yuan drop the ".00" when wholeYuan is set.
QString formatCny(qint64 cents, const QLocale &locale, bool wholeYuan = true);
// The short form of the planning screens: in a Chinese locale an amount of ¥10,000 or more is
// written in 万 with at most two decimals, rounded half up to ¥100 ("¥82.35万", "-¥1.2万");
// elsewhere, and below 万, formatCny() in whole yuan (rounded half up). parseCny() reads both.
QString formatCnyWan(qint64 cents, const QLocale &locale);
// The same in `currency` (ISO 4217): "$1,054" for USD, "€12.50", "HK$3", "CHF 7" for a code
// without a symbol here; CNY (or "") as formatCny.
QString formatMoney(qint64 cents, const QString &currency, const QLocale &locale, bool whole = true);
// The symbol formatMoney() puts before the number ("¥", "$", "CHF ").
QString currencySymbol(const QString &currency);

// Parses "1234", "1,234.5", "¥ 1 234.56", "12.3万" into cents without floating point.
// Returns nothing for empty, malformed, negative or out-of-range input.
std::optional<qint64> parseCny(const QString &text);

} // namespace cockpit

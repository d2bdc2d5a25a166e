#include "alerts/alertthresholds.h"

#include "storage/transaction.h"

#include "storage/database.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace cockpit::alerts {

const std::vector<ThresholdKey> &thresholdKeys()
{
    static const std::vector<ThresholdKey> keys = {
        {"rules.silence_hours", &Thresholds::silenceHours, 1, 24 * 365},
        {"rules.duplicate_reps", &Thresholds::duplicateReps, 2, 1000},
        {"rules.duplicate_days", &Thresholds::duplicateDays, 1, 365},
        {"rules.churn_moves", &Thresholds::churnMoves, 2, 1000},
        {"rules.quote_versions", &Thresholds::quoteVersions, 2, 1000},
        {"rules.quote_hours", &Thresholds::quoteHours, 1, 24 * 365},
        {"rules.escalation_hours", &Thresholds::escalationHours, 1, 24 * 365},
        {"rules.lookback_days", &Thresholds::lookbackDays, 1, 3650},
        {"rules.day_offset_minutes", &Thresholds::dayOffsetMinutes, -720, 840},
    };
    return keys;
}

Thresholds loadThresholds(QSqlDatabase db, QStringList *problems)
{
    Thresholds t;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT key, value FROM settings WHERE key >= 'rules.' AND key < 'rules/'")))
        return t;
    while (q.next()) {
        const QString key = q.value(0).toString();
        const QString value = q.value(1).toString().trimmed();
        for (const ThresholdKey &k : thresholdKeys()) {
            if (key != QLatin1String(k.key))
                continue;
            bool ok = false;
            const int v = value.toInt(&ok);
            if (ok && v >= k.min && v <= k.max)
                t.*k.field = v;
            else if (problems)
                problems->append(QCoreApplication::translate("cockpit::alerts",
                    "Setting %1 = \"%2\" is not a whole number from %3 to %4; the default %5 applies.")
                    .arg(key, value).arg(k.min).arg(k.max).arg(Thresholds{}.*k.field));
        }
    }
    return t;
}

bool saveThresholds(QSqlDatabase db, const Thresholds &t, QString *error)
{
    for (const ThresholdKey &k : thresholdKeys()) {
        const int v = t.*k.field;
        if (v < k.min || v > k.max) {
            if (error)
                *error = QCoreApplication::translate("cockpit::alerts", "%1 must be from %2 to %3, not %4.")
                             .arg(QLatin1String(k.key)).arg(k.min).arg(k.max).arg(v);
            return false;
        }
    }
    storage::Transaction tx(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"
                             " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    for (const ThresholdKey &k : thresholdKeys()) {
        q.addBindValue(QLatin1String(k.key));
        q.addBindValue(QString::number(t.*k.field));
        if (!q.exec()) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
    }
    if (!tx.commit()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    return true;
}

Thresholds loadThresholds(storage::Database &db, QStringList *problems)
{
    return loadThresholds(db.connection(), problems);
}

bool saveThresholds(storage::Database &db, const Thresholds &t, QString *error)
{
    return saveThresholds(db.connection(), t, error);
}

} // namespace cockpit::alerts

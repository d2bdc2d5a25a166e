#pragma once
// Alert rows and webhooks for the delivery tests, on top of the hand-made company of
// tests/common/fixture.h (team t1: 王芳 u1, 李强 u2; director 赵总 u0 is the signed-in user).
// Adds team t2 with 陈晨 u3. Keys (schema v5): t2 = 2, u3 = 103; alert ids are integers too
// (each test names its alerts' readable names next to them).
#include "fixture.h"
#include "delivery/webhookstore.h"
#include "delivery/webhooksecrets.h"
#include <QEventLoop>
#include <QTimer>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace dfixture {

inline bool addSecondTeam(QSqlDatabase db)
{
    return fixture::exec(db, QStringLiteral("INSERT INTO teams (id, city_id, region_id, name, updated_at)"
                                            " VALUES (2, 1, 1, '上海二组', cockpit_secs('2026-11-01T00:00:00Z'))"))
           && fixture::exec(db, QStringLiteral("INSERT INTO users (id, name, role, region_id, city_id, team_id, hire_date,"
                                               " updated_at) VALUES (103, '陈晨', 'sales', 1, 1, 2,"
                                               " cockpit_day('2024-01-01'), cockpit_secs('2026-11-01T00:00:00Z'))"));
}

struct AlertRow
{
    QString id;
    QString owner = QStringLiteral("101"); // u1
    QString rule = QStringLiteral("stage_sla");
    QString subjectKind = QStringLiteral("lead");
    QString subjectId = QStringLiteral("1"); // lead-1
    QString raisedAt = QStringLiteral("2026-11-22T02:00:00Z");
    QString escalatedTo = {};
    QString recipients = {};
    QString resolvedAt = {};
    int deleted = 0;
};

inline bool addAlert(QSqlDatabase db, const AlertRow &a)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO alerts (id, rule, subject_kind, subject_id, owner_id, raised_at, escalated_to,"
                             " resolved_at, details, updated_at, deleted, dedupe_key, lead_id, recipients)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    auto orNull = [](const QString &s) { return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s); };
    // The times in the file's form (fixture::t); a resolved_at left empty is NULL.
    auto time = [](const QString &iso) { return fixture::t(iso.toLatin1().constData()); };
    q.addBindValue(a.id);
    q.addBindValue(a.rule);
    q.addBindValue(a.subjectKind);
    q.addBindValue(a.subjectId);
    q.addBindValue(a.owner);
    q.addBindValue(time(a.raisedAt));
    q.addBindValue(orNull(a.escalatedTo));
    q.addBindValue(a.resolvedAt.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : time(a.resolvedAt));
    q.addBindValue(QStringLiteral("3 h in stage (SLA 2 h)"));
    q.addBindValue(time(a.raisedAt));
    q.addBindValue(a.deleted);
    q.addBindValue(QString(a.rule + QLatin1Char('|') + a.id));
    q.addBindValue(a.subjectKind == QLatin1String("lead") ? QVariant(a.subjectId) : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(cockpit::delivery::text(a.recipients));
    if (!q.exec()) {
        qWarning() << q.lastError().text();
        return false;
    }
    return true;
}

inline QString addWebhook(QSqlDatabase db, const QString &kind, const QString &url, const QString &team = {},
                          const QString &secret = {}, bool enabled = true, const QString &name = {})
{
    cockpit::delivery::Webhook h;
    h.kind = kind;
    h.url = url;
    h.teamId = team;
    h.secret = secret;
    h.enabled = enabled;
    h.name = name;
    // As the app saves it: URL and secret to the keychain (the test's secret service), the
    // rest to the file. Waits here for the keychain.
    cockpit::delivery::WebhookStore store(db);
    QEventLoop loop;
    QObject context;
    bool finished = false;
    cockpit::delivery::WebhookSecrets::save(store, h, QStringLiteral("2026-11-01T00:00:00Z"), &context,
                                            [&](const cockpit::delivery::WebhookValidation &v, const cockpit::delivery::Webhook &saved) {
                                                if (!v.ok())
                                                    qWarning() << v.errors;
                                                h = saved;
                                                finished = true;
                                                loop.quit();
                                            });
    if (!finished) {
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return h.id;
}

inline int count(QSqlDatabase db, const QString &where)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE ") + where) && q.next() ? q.value(0).toInt() : -1;
}

} // namespace dfixture

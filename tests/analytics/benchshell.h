#pragma once
// The sqlite3 shell's time for the very statements a computation ran (traced with QueryTrace,
// binds inlined), so the benchmarks print each analytics figure beside it (issue 10 §4).
#include "analytics/query.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTextStream>
#include <QVector>

#include <algorithm>
#include <cstdio>

namespace bench {

// Best of 3 runs after a warm-up run, whole process; -1 when the shell fails.
inline qint64 shellTime(const QString &shell, const QString &db, const QString &sqlPath, const QStringList &statements)
{
    {
        QFile f(sqlPath);
        if (!f.open(QIODevice::WriteOnly))
            return -1;
        QTextStream out(&f);
        for (const QString &q : statements)
            out << q << ";\n";
    }
    qint64 best = -1;
    for (int i = 0; i < 4; ++i) {
        QProcess p;
        p.setStandardInputFile(sqlPath);
        p.setStandardOutputFile(QProcess::nullDevice());
        QElapsedTimer t;
        t.start();
        p.start(shell, {QStringLiteral("-readonly"), db});
        if (!p.waitForFinished(120000) || p.exitCode() != 0) {
            std::fprintf(stderr, "sqlite3 failed: %s\n", p.readAllStandardError().constData());
            return -1;
        }
        const qint64 ms = t.elapsed();
        if (i > 0) // the first run warms the cache
            best = best < 0 ? ms : std::min(best, ms);
    }
    return best;
}

// "best 12 ms (runs 15 12 13)"
inline QString bestOf(const QVector<qint64> &times)
{
    QStringList all;
    for (qint64 t : times)
        all << QString::number(t);
    return QStringLiteral("best %1 ms (runs %2)").arg(*std::min_element(times.begin(), times.end())).arg(all.join(QLatin1Char(' ')));
}

inline QStringList inlined(const QList<cockpit::analytics::TracedQuery> &traced)
{
    QStringList out;
    for (const cockpit::analytics::TracedQuery &q : traced)
        out << q.inlined();
    return out;
}

} // namespace bench

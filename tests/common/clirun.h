#pragma once
// Runs the sales-cockpit executable (COCKPIT_APP) for command-line tests: offscreen, with
// its own config and data folders under `home` so no test touches the user's files.
#include <QDir>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace fixture {

struct CliRun
{
    int code = -1; // exit code; -1 timed out, -2 crashed
    QString out, err;
};

// `extraEnv` adds or replaces environment variables for this run.
inline CliRun runCli(const QString &app, const QStringList &args, const QString &home, int timeoutMs = 120000,
                     const QMap<QString, QString> &extraEnv = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir(home).filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), QDir(home).filePath(QStringLiteral("data")));
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
        env.insert(it.key(), it.value());
    p.setProcessEnvironment(env);
    p.start(app, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, {}, QStringLiteral("timeout")};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace fixture

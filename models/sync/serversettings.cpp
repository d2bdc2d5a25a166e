#include "sync/serversettings.h"

#include <QDir>
#include <QRegularExpression>
#include <QSettings>

namespace cockpit::sync {

ServerSettings ServerSettings::load(const QSettings &settings)
{
    ServerSettings s;
    s.address.host = settings.value(QStringLiteral("server/host"), s.address.host).toString();
    s.address.port = settings.value(QStringLiteral("server/port"), s.address.port).toInt();
    s.address.database = settings.value(QStringLiteral("server/database")).toString();
    s.address.user = settings.value(QStringLiteral("server/user")).toString();
    SslMode mode = SslMode::VerifyFull;
    if (sslModeFromText(settings.value(QStringLiteral("server/tls")).toString(), &mode))
        s.address.sslMode = mode;
    s.intervalMinutes = settings.value(QStringLiteral("server/interval"), s.intervalMinutes).toInt();
    s.connected = settings.value(QStringLiteral("server/connected"), false).toBool();
    s.file = settings.value(QStringLiteral("server/file")).toString();
    return s;
}

void ServerSettings::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("server/host"), address.host);
    settings.setValue(QStringLiteral("server/port"), address.port);
    settings.setValue(QStringLiteral("server/database"), address.database);
    settings.setValue(QStringLiteral("server/user"), address.user);
    settings.setValue(QStringLiteral("server/tls"), sslModeText(address.sslMode));
    settings.setValue(QStringLiteral("server/interval"), intervalMinutes);
    settings.setValue(QStringLiteral("server/connected"), connected);
    settings.setValue(QStringLiteral("server/file"), file);
}

QString serverFilePath(const ServerAddress &address, const QString &dataDir)
{
    QString name = QStringLiteral("server-%1@%2-%3-%4").arg(address.user, address.host).arg(address.port).arg(address.database);
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9@._\\-]"));
    name.replace(unsafe, QStringLiteral("_"));
    return QDir(dataDir).filePath(name + QStringLiteral(".db"));
}

} // namespace cockpit::sync

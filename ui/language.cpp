#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace cockpit::ui {

QString languageSetting(const QSettings &settings)
{
    return settings.value(QStringLiteral("ui/language"), QStringLiteral("system")).toString();
}

QString effectiveLanguage(const QString &setting)
{
    if (setting == QLatin1String("en") || setting == QLatin1String("zh_CN"))
        return setting;
    const QLocale system = QLocale::system();
    return system.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool installTranslators(QCoreApplication &app, const QString &language, const QString &directory,
                        QString *loadedFrom)
{
    if (language != QLatin1String("zh_CN")) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return true;
    }
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    auto *ours = new QTranslator(&app);
    const bool ok = ours->load(QStringLiteral("cockpit_zh_CN"), directory);
    if (ok)
        app.installTranslator(ours);
    if (loadedFrom)
        *loadedFrom = ok ? ours->filePath() : QString();
    return ok;
}

} // namespace cockpit::ui

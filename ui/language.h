#pragma once
// The UI language: follows the system locale unless the user picked one in Settings.
#include <QString>

class QCoreApplication;
class QSettings;

namespace cockpit::ui {

// "system", "en" or "zh_CN".
QString languageSetting(const QSettings &settings);
// The language actually used for `setting` ("en" or "zh_CN").
QString effectiveLanguage(const QString &setting);
// Installs the app's translator for `language` from `directory` (cockpit_zh_CN.qm) and Qt's own
// from Qt's translations folder; returns false if ours is missing. *loadedFrom: the file loaded.
bool installTranslators(QCoreApplication &app, const QString &language, const QString &directory,
                        QString *loadedFrom = nullptr);

} // namespace cockpit::ui

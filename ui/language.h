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
// Installs the app's and Qt's translators for `language`; returns false if missing.
bool installTranslators(QCoreApplication &app, const QString &language);

} // namespace cockpit::ui

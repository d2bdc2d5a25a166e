#pragma once
// Help › User guide (a short guide of the screens, bundled as HTML in the resources, in the
// UI's language, shown without a browser) and Help › About (version, build, the data file in
// use, and the licences of what the app is made of).
#include <QDialog>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace cockpit::ui {

class GuideDialog : public QDialog
{
    Q_OBJECT
public:
    // `language` "en" or "zh_CN"; empty: the UI language (QLocale()).
    explicit GuideDialog(QWidget *parent = nullptr, const QString &language = {});
    // The resource path of the guide in `language` (":/guide/guide.zh_CN.html").
    static QString guideFile(const QString &language);
    // The UI language as the guide files name it: "zh_CN" under any Chinese locale, else "en".
    static QString uiLanguage();
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    AboutDialog(const QString &dataFile, QWidget *parent = nullptr);
    QString text() const; // everything the dialog says, as plain text
    QPushButton *copyPathButton() const { return m_copy; }

private:
    QLabel *m_head, *m_file, *m_licences;
    QPushButton *m_copy;
};

} // namespace cockpit::ui

#include "helpdialogs.h"

#include "buildinfo/buildinfo.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace cockpit::ui {

GuideDialog::GuideDialog(QWidget *parent, const QString &language) : QDialog(parent)
{
    setObjectName(QStringLiteral("guideDialog"));
    setWindowTitle(tr("User guide"));
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("guideBrowser"));
    m_browser->setOpenExternalLinks(false); // the guide is offline; in-page anchors only
    m_browser->setSource(QUrl(QStringLiteral("qrc") + guideFile(language.isEmpty() ? uiLanguage() : language)));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(760, 680);
}

QString GuideDialog::uiLanguage()
{
    return QLocale().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString GuideDialog::guideFile(const QString &language)
{
    return language == QLatin1String("zh_CN") ? QStringLiteral(":/guide/guide.zh_CN.html")
                                              : QStringLiteral(":/guide/guide.en.html");
}

namespace {
QString buildText()
{
    const build::Facts f = build::facts();
    return AboutDialog::tr("Qt %1 (built against %2), %3, %4").arg(f.qtRuntime, f.qtCompiled, f.compiler, f.buildType);
}

QLabel *richLabel(const QString &html, QWidget *parent)
{
    auto *l = new QLabel(html, parent);
    l->setTextFormat(Qt::RichText);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}
} // namespace

AboutDialog::AboutDialog(const QString &dataFile, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Sales Cockpit"));
    m_head = richLabel(QStringLiteral("<p style='font-size:16pt; font-weight:600'>%1</p><p>%2</p>"
                                      "<p>%3<br>%4</p>")
                           .arg(tr("Sales Cockpit"), tr("The whole sales process on one screen."),
                                tr("Version %1").arg(build::fullVersion().toHtmlEscaped()),
                                tr("Build: %1").arg(buildText().toHtmlEscaped())),
                       this);
    const QString path = QDir::toNativeSeparators(dataFile);
    m_file = richLabel(QStringLiteral("<b>%1</b><br>%2").arg(tr("Data file in use"), path.toHtmlEscaped()), this);
    m_file->setObjectName(QStringLiteral("aboutDataFile"));
    m_copy = new QPushButton(tr("Copy path"), this);
    m_copy->setToolTip(tr("Copy the data file's path to the clipboard"));
    connect(m_copy, &QPushButton::clicked, this, [this, path] {
        QGuiApplication::clipboard()->setText(path);
        m_copy->setText(tr("Copied"));
    });

    // What the app is made of and the licence each comes under (the package declares the same).
    const std::pair<QString, QString> parts[] = {
        {tr("Sales Cockpit itself"), tr("MIT")},
        {tr("Qt 6 (user interface, charts, SQL, networking)"), QStringLiteral("LGPL-3.0")},
        {tr("SQLite (the database engine)"), tr("public domain")},
        {tr("OpenSSL 3 (secure connections)"), QStringLiteral("Apache-2.0")},
        {tr("Noto Sans CJK fonts"), QStringLiteral("SIL OFL 1.1")},
        {tr("Unicode Unihan data (pinyin readings)"), tr("Unicode License v3")},
    };
    QString rows;
    for (const auto &[what, licence] : parts)
        rows += QStringLiteral("<tr><td style='padding-right:18px'>%1</td><td>%2</td></tr>")
                    .arg(what.toHtmlEscaped(), licence.toHtmlEscaped());
    m_licences = richLabel(QStringLiteral("<b>%1</b><table style='margin-top:4px'>%2</table>")
                               .arg(tr("Licences"), rows),
                           this);
    m_licences->setObjectName(QStringLiteral("aboutLicences"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_copy, 0, Qt::AlignBottom);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(14);
    layout->addWidget(m_head);
    layout->addLayout(fileRow);
    layout->addWidget(m_licences);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

QString AboutDialog::text() const
{
    QString all;
    for (const QLabel *l : {m_head, m_file, m_licences}) {
        QTextDocument doc;
        doc.setHtml(l->text());
        all += doc.toPlainText() + QLatin1Char('\n');
    }
    return all;
}

} // namespace cockpit::ui

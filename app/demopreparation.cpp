#include "demopreparation.h"

#include "cli.h"
#include "demo/demogenerator.h"
#include "firstrunwindow.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QStorageInfo>
#include <QtConcurrent>

#include <atomic>
#include <stdexcept>

namespace cockpit::app {

Q_DECLARE_LOGGING_CATEGORY(lcApp)

DemoPreparation::DemoPreparation(bool headless, QObject *parent) : QObject(parent), m_headless(headless) {}

DemoPreparation::~DemoPreparation() = default;

std::unique_ptr<ui::FirstRunWindow> DemoPreparation::takeWindow()
{
    return std::move(m_window);
}

QString DemoPreparation::preflight(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    const QString shown = QDir::toNativeSeparators(folder);
    if (!QDir().mkpath(folder))
        return tr("The folder %1 cannot be created. Check that you may write there, or start the app with "
                  "--db FILE to keep the data somewhere else.").arg(shown);
    if (!QFileInfo(folder).isWritable())
        return tr("The folder %1 is not writable. Check its permissions, or start the app with --db FILE to "
                  "keep the data somewhere else.").arg(shown);
    // The small demo is about 260 MB once written.
    constexpr qint64 kNeededMb = 300;
    const QStorageInfo disk(folder);
    if (disk.isValid() && disk.bytesAvailable() >= 0 && disk.bytesAvailable() < (kNeededMb << 20))
        return tr("There is not enough free disk space in %1: the demo company needs about %2 MB and %3 MB are "
                  "free. Free some space, then try again.")
            .arg(shown).arg(kNeededMb).arg(disk.bytesAvailable() >> 20);
    return {};
}

DemoPreparation::Outcome DemoPreparation::run(const QString &path, QWidget *replacing, const QByteArray &savedGeometry)
{
    // While the demo is made, hiding the main window or closing this one must not end the
    // application behind our back.
    const bool quitOnClose = QGuiApplication::quitOnLastWindowClosed();
    QGuiApplication::setQuitOnLastWindowClosed(false);
    const auto restoreQuit = qScopeGuard([quitOnClose] { QGuiApplication::setQuitOnLastWindowClosed(quitOnClose); });

    // A proper first window at once, where the main window is or will be.
    m_canGoBack = replacing != nullptr;
    m_window = std::make_unique<ui::FirstRunWindow>();
    if (replacing)
        m_window->setGeometry(replacing->geometry());
    else if (!m_window->restoreGeometry(savedGeometry))
        m_window->resize(1366, 768);
    if (m_headless)
        m_window->setAttribute(Qt::WA_DontShowOnScreen, QGuiApplication::platformName() == QLatin1String("offscreen"));
    m_window->show();
    if (replacing)
        replacing->hide();
    Q_EMIT windowShown();

    Outcome outcome = Outcome::Failed;
    for (;;) {
        outcome = generate(path);
        if (outcome != Outcome::Failed || m_headless)
            break;
        QEventLoop choice;
        bool retry = false;
        connect(m_window.get(), &ui::FirstRunWindow::retryRequested, &choice, [&] {
            retry = true;
            choice.quit();
        });
        connect(m_window.get(), &ui::FirstRunWindow::giveUpRequested, &choice, &QEventLoop::quit);
        choice.exec();
        if (!retry)
            break;
    }
    if (outcome != Outcome::Ready) {
        m_window.reset();
        if (replacing)
            replacing->show();
    }
    return outcome;
}

DemoPreparation::Outcome DemoPreparation::generate(const QString &path)
{
    QString problem = preflight(path);
    QString details;
    if (problem.isEmpty()) {
        m_window->showWorking();
        m_window->setProgress(0, QStringLiteral("schema"));
        // Closing the window stops the generator at its next progress report; it then removes
        // its partial file (demogenerator.h).
        auto cancel = std::make_shared<std::atomic_bool>(false);
        const QMetaObject::Connection stop = connect(m_window.get(), &ui::FirstRunWindow::closeRequested, this,
                                                     [cancel] { cancel->store(true); });
        QFutureWatcher<demo::Result> watcher;
        QEventLoop loop;
        connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        ui::FirstRunWindow *shown = m_window.get();
        watcher.setFuture(QtConcurrent::run([path, cancel, shown] {
            demo::Options options;
            options.scale = demo::Scale::Small;
            return demo::generate(path, options, [cancel, shown](int percent, const QString &phase) {
                if (cancel->load() && percent < 100)
                    throw std::runtime_error("stopped: the window was closed");
                QMetaObject::invokeMethod(shown, [shown, percent, phase] { shown->setProgress(percent, phase); },
                                          Qt::QueuedConnection);
            });
        }));
        loop.exec();
        disconnect(stop);
        const demo::Result result = watcher.result();
        if (cancel->load()) {
            qCInfo(lcApp) << "demo generation stopped: the window was closed";
            return Outcome::Cancelled;
        }
        if (result.ok) {
            qCInfo(lcApp) << "demo company generated in" << result.elapsedMs << "ms";
            return Outcome::Ready;
        }
        problem = tr("Writing %1 failed. Try again; if it fails again, start the app with --db FILE to keep the "
                     "data somewhere else.").arg(QDir::toNativeSeparators(path));
        details = result.error;
    }
    if (m_headless) {
        printError(tr("The demo company could not be created: %1")
                       .arg(details.isEmpty() ? problem : problem + QLatin1Char(' ') + details));
        return Outcome::Failed;
    }
    qCWarning(lcApp).noquote() << "demo company not created:" << problem << details;
    m_window->show();
    m_window->showFailure(problem, details, m_canGoBack);
    return Outcome::Failed;
}

} // namespace cockpit::app

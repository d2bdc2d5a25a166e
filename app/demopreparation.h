#pragma once
// Makes the small demo company in a proper first window: on first start, from File › New
// demo database…, and from the bad-file dialog. The window shows the generator's real
// percentage and phase, stands where the main window will be, shows a failure with Try again
// and Quit (or Back), and closing it stops the generator.
#include <QObject>
#include <QString>

#include <memory>

class QWidget;

namespace cockpit::ui {
class FirstRunWindow;
}

namespace cockpit::app {

class DemoPreparation : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Ready, Failed, Cancelled };

    // `headless` (--screenshot): failures go to stderr and nobody is asked.
    explicit DemoPreparation(bool headless, QObject *parent = nullptr);
    ~DemoPreparation() override;

    // Generates the demo at `path`. `replacing`: the main window now open (hidden meanwhile,
    // shown again unless Ready); otherwise the window opens at `savedGeometry` (the main
    // window's remembered one) or the main window's default size.
    Outcome run(const QString &path, QWidget *replacing, const QByteArray &savedGeometry);
    // After Ready: the window, still showing, for the caller to close once its replacement is up.
    std::unique_ptr<ui::FirstRunWindow> takeWindow();

    // Why the demo cannot be written at `path` (folder missing or read-only, too little free
    // space), in the user's words; empty when it can.
    static QString preflight(const QString &path);

Q_SIGNALS:
    void windowShown();

private:
    Outcome generate(const QString &path);

    bool m_headless;
    bool m_canGoBack = false;
    std::unique_ptr<ui::FirstRunWindow> m_window;
};

} // namespace cockpit::app

#pragma once
// A screen that is not built yet says so plainly: no invented numbers.
#include <QWidget>

namespace cockpit::ui {

class PlaceholderPage : public QWidget
{
    Q_OBJECT
public:
    PlaceholderPage(const QString &title, const QString &whatItWillShow, QWidget *parent = nullptr);
};

} // namespace cockpit::ui

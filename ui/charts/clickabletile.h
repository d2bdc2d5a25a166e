#pragma once
// What the cockpit's tiles (kpitile.h, moneytile.h) share: focusable, a pointing hand, hover
// shading, and activated() on a click, Enter or Space — when there is something behind the
// tile (canActivate()).
#include <QWidget>

namespace cockpit::ui {

class ClickableTile : public QWidget
{
    Q_OBJECT
public:
    explicit ClickableTile(QWidget *parent = nullptr);

Q_SIGNALS:
    void activated();

protected:
    virtual bool canActivate() const { return true; }
    bool isHovered() const { return m_hover; }
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    bool m_hover = false;
};

} // namespace cockpit::ui

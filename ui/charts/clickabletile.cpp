#include "clickabletile.h"

#include <QKeyEvent>
#include <QMouseEvent>

namespace cockpit::ui {

ClickableTile::ClickableTile(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_Hover);
}

void ClickableTile::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()) && canActivate())
        Q_EMIT activated();
}

void ClickableTile::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space) {
        if (canActivate())
            Q_EMIT activated();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ClickableTile::enterEvent(QEnterEvent *)
{
    m_hover = true;
    update();
}

void ClickableTile::leaveEvent(QEvent *)
{
    m_hover = false;
    update();
}

} // namespace cockpit::ui

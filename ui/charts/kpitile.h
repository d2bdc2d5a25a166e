#pragma once
// One KPI baseline tile: the value big, its unit, the healthy threshold and the industry mean
// small, a coloured status strip with the status word (never colour alone). Click, Enter or
// Space → activated(); the tooltip gives the exact definition and numerator / denominator.
#include "analytics/kpi.h"

#include <QWidget>

namespace cockpit::ui {

class KpiTileWidget : public QWidget
{
    Q_OBJECT
public:
    explicit KpiTileWidget(QWidget *parent = nullptr);
    void setTile(const analytics::KpiTile &tile);
    const analytics::KpiTile &tile() const { return m_tile; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // The value as shown ("7.4", "38.2 %", "—" without data).
    static QString valueText(const analytics::KpiTile &tile);

Q_SIGNALS:
    void activated();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    QString toolTipText() const;
    analytics::KpiTile m_tile;
    bool m_hover = false;
};

} // namespace cockpit::ui

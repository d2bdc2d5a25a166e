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
    // The width at which no text of the tile is cut (the printed report draws tiles this wide).
    int naturalWidth() const;
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
    QString referenceText() const; // "healthy ≤ 7.2 · industry 11.3"
    QString sampleText() const;    // "n = 8829 leads"
    analytics::KpiTile m_tile;
    bool m_hover = false;
};

} // namespace cockpit::ui

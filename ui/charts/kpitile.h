#pragma once
// One KPI baseline tile: the value big, its unit, the healthy threshold and the industry mean
// small, a coloured status strip with the status word (never colour alone). Click, Enter or
// Space → activated(); the tooltip gives the exact definition and numerator / denominator.
#include "analytics/kpi.h"

#include "clickabletile.h"

namespace cockpit::ui {

class KpiTileWidget : public ClickableTile
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

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString toolTipText() const;
    QString referenceText() const; // "healthy ≤ 7.2 · industry 11.3"
    QString sampleText() const;    // "n = 8829 leads"
    analytics::KpiTile m_tile;
};

} // namespace cockpit::ui

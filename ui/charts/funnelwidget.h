#pragma once
// A funnel: one bar per stage, its width proportional to the count, narrowing down the
// stages; the count in the bar, the stage name to its left and, between bars, the share of
// the bar's cohort that reached the next stage. Click or Enter on a stage → stageActivated(index); ↑/↓ move.
#include <QVector>
#include <QWidget>

namespace cockpit::ui {

class FunnelWidget : public QWidget
{
    Q_OBJECT
public:
    struct Stage
    {
        QString name;
        int count = 0;
        double nextPct = std::numeric_limits<double>::quiet_NaN(); // conversion to the next; NaN: none
        QString toolTip;
        // The arrow's text under the bar (empty: "↓ nextPct %"): what of this bar's cohort
        // reached the next stage, so bar and arrow tell one cohort.
        QString nextText;
        bool maturing = false; // the arrow is not final yet: drawn lighter, in italics
    };
    explicit FunnelWidget(QWidget *parent = nullptr);
    void setStages(const QVector<Stage> &stages);
    const QVector<Stage> &stages() const { return m_stages; }
    void setEmptyText(const QString &text);
    int currentStage() const { return m_current; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void stageActivated(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF barRect(int i) const;
    int stageAt(const QPointF &pos) const;
    int labelWidth() const;

    QVector<Stage> m_stages;
    QString m_empty;
    int m_current = 0;
};

} // namespace cockpit::ui

#pragma once
// A funnel: one bar per stage, its width proportional to the count, narrowing down the
// stages; the count in the bar, the stage name to its left and the conversion to the next
// stage between bars. Click or Enter on a stage → stageActivated(index); ↑/↓ move.
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

#pragma once
// A target gauge (DESIGN.md §6): a half-ring filled to the attainment (full at 100 %, a
// longer fill marks the overshoot), coloured by the attainment rule, the percentage in the
// middle and the unit's name below, so nothing is told by colour alone.
#include "analytics/rag.h"

#include <QWidget>

#include <optional>

namespace cockpit::ui {

class GaugeWidget : public QWidget
{
    Q_OBJECT
public:
    explicit GaugeWidget(QWidget *parent = nullptr);

    // pct: nullopt when there is no target (grey, "—").
    void setValue(const QString &caption, std::optional<double> pct, analytics::Rag colour);
    QString caption() const { return m_caption; }
    std::optional<double> value() const { return m_pct; }
    analytics::Rag colour() const { return m_colour; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void clicked();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QString m_caption;
    std::optional<double> m_pct;
    analytics::Rag m_colour = analytics::Rag::Grey;
};

} // namespace cockpit::ui

#include "reportdocument.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QRegularExpression>
#include <QTextLayout>

#include <algorithm>
#include <numeric>

namespace cockpit::ui {

namespace {
// A table's last page keeps at least this many rows (taken from the page before it).
constexpr int kMinRowsOnPage = 4;

QString cellText(QString text)
{
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    return text;
}

// Lays `text` out in lines of `width` (at word boundaries, anywhere in a word longer than a
// line, as Chinese text needs); the same layout measures and paints.
qreal layoutText(QTextLayout &layout, qreal width, Qt::Alignment align)
{
    QTextOption option(align);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal h = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, h));
        h += line.height();
    }
    layout.endLayout();
    return h;
}

qreal textHeight(const QString &text, const QFont &font, qreal width, QPaintDevice *device)
{
    QTextLayout layout(cellText(text), font, device);
    return std::max(layoutText(layout, width, Qt::AlignLeft), QFontMetricsF(font, device).height());
}

void drawText(QPainter &p, const QRectF &rect, const QString &text, const QFont &font, Qt::Alignment align)
{
    QTextLayout layout(cellText(text), font, p.device());
    const qreal h = layoutText(layout, rect.width(), align & Qt::AlignHorizontal_Mask);
    const qreal top = align & Qt::AlignVCenter ? rect.top() + (rect.height() - h) / 2
                      : align & Qt::AlignBottom  ? rect.bottom() - h
                                                 : rect.top();
    layout.draw(&p, QPointF(rect.left(), top));
}

bool isCjk(QChar c)
{
    return c.unicode() >= 0x2E80;
}

// The narrowest a text column may get: its longest word (Chinese breaks between any two
// characters, so it asks for little), never more than the whole text.
qreal minimumWidth(const QString &text, const QFontMetricsF &fm)
{
    qreal w = 0;
    for (const QString &word : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
        if (std::none_of(word.begin(), word.end(), isCjk))
            w = std::max(w, fm.horizontalAdvance(word));
    return w;
}

qreal naturalWidth(const QString &text, const QFontMetricsF &fm)
{
    qreal w = 0;
    for (const QString &line : text.split(QLatin1Char('\n')))
        w = std::max(w, fm.horizontalAdvance(line));
    return w;
}
} // namespace

// Everything placed, in device units (the device's resolution; origin at the printable area).
struct ReportDocument::Plan
{
    qreal dpi = 96, width = 0, height = 0;
    qreal bodyTop = 0, bodyBottom = 0, padX = 0, padY = 0, gap = 0;
    bool subtitleBelow = false;
    QFont title, subtitle, heading, cell, head;
    struct Table
    {
        QVector<qreal> x, w;   // per column, from the table's left edge
        qreal left = 0;        // the table's left edge (beside a chart: right of it)
        qreal width = 0;       // the columns together
        qreal natural = 0;     // the width its content asks for
        qreal headerH = 0, moreH = 0;
        QVector<qreal> rowH;
    };
    QVector<Table> tables; // per section
    struct Item
    {
        enum Kind { Heading, Chart, Header, Row, More } kind;
        int section = 0, row = 0;
        QRectF rect;
        QString text;
    };
    QVector<QVector<Item>> pages;

    qreal mm(qreal v) const { return v * dpi / 25.4; }
};

ReportDocument::ReportDocument(const QString &title, const QString &subtitle) : m_title(title), m_subtitle(subtitle) {}

void ReportDocument::addSection(const QString &heading, const QPixmap &chart, const analytics::ReportTable &table,
                                const QString &emptyText)
{
    m_sections.append({heading, chart, table, emptyText});
}

ReportDocument::Plan ReportDocument::plan(QPagedPaintDevice *device) const
{
    Plan pl;
    pl.dpi = device->logicalDpiY();
    pl.width = device->width();
    pl.height = device->height();
    pl.padX = pl.mm(1.4);
    pl.padY = pl.mm(0.5);
    pl.gap = pl.mm(3);
    const QFont base = QApplication::font();
    auto font = [&base](qreal pt, QFont::Weight weight) {
        QFont f = base;
        f.setPointSizeF(pt);
        f.setWeight(weight);
        return f;
    };
    pl.title = font(14, QFont::DemiBold);
    pl.subtitle = font(8.5, QFont::Normal);
    pl.heading = font(11, QFont::DemiBold);
    pl.cell = font(8, QFont::Normal);
    pl.head = font(8, QFont::DemiBold);

    // Header: the title, and the subtitle beside it or under it when both do not fit a line.
    const QFontMetricsF titleFm(pl.title, device), subFm(pl.subtitle, device);
    pl.subtitleBelow = titleFm.horizontalAdvance(m_title) + subFm.horizontalAdvance(m_subtitle) + pl.mm(10) > pl.width;
    const qreal headerH = titleFm.height() + (pl.subtitleBelow ? subFm.height() : 0) + pl.mm(1.5);
    pl.bodyTop = headerH + pl.mm(4);
    pl.bodyBottom = pl.height - subFm.height() - pl.mm(3);
    const qreal bodyH = pl.bodyBottom - pl.bodyTop;

    // A table's columns in `room`: as wide as their content; when that is too wide, the text
    // columns give way (they wrap), the figures keep their width.
    const QFontMetricsF cellFm(pl.cell, device), headFm(pl.head, device);
    const qreal pad = 2 * pl.padX;
    auto measure = [&](const Section &s, qreal room) {
        Plan::Table t;
        const int n = int(s.table.headers.size());
        QVector<qreal> nat(n), min(n);
        for (int c = 0; c < n; ++c) {
            nat[c] = naturalWidth(s.table.headers[c], headFm);
            min[c] = minimumWidth(s.table.headers[c], headFm);
            for (const QStringList &row : s.table.rows) {
                nat[c] = std::max(nat[c], naturalWidth(row.value(c), cellFm));
                min[c] = std::max(min[c], minimumWidth(row.value(c), cellFm));
            }
            nat[c] += pl.mm(0.3); // the layout's rounding must not wrap a text measured to fit
            const bool fixed = s.table.numeric.value(c);
            min[c] = fixed ? nat[c] : std::min(nat[c], std::max(min[c], pl.mm(14)));
        }
        const qreal total = std::accumulate(nat.begin(), nat.end(), 0.0);
        t.natural = total + n * pad;
        room -= n * pad;
        t.w = nat;
        if (total <= room) {
            for (qreal &w : t.w)
                w += (room - total) / std::max(1, n);
        } else {
            // The text columns share what the figures leave. Short ones first get all they
            // ask for while that is no more than an even share, so only the long texts wrap;
            // those share the rest in proportion to their content, none below its minimum.
            QVector<bool> settled(n);
            qreal left = room;
            for (int c = 0; c < n; ++c)
                if (s.table.numeric.value(c) || nat[c] <= min[c]) {
                    settled[c] = true;
                    left -= nat[c];
                }
            QList<int> byWidth;
            for (int c = 0; c < n; ++c)
                if (!settled[c])
                    byWidth << c;
            std::sort(byWidth.begin(), byWidth.end(), [&nat](int a, int b) { return nat[a] < nat[b]; });
            for (int i = 0; i < byWidth.size(); ++i) {
                const int c = byWidth[i];
                if (nat[c] > left / (byWidth.size() - i))
                    break;
                settled[c] = true;
                left -= nat[c];
            }
            for (bool changed = true; changed;) {
                changed = false;
                qreal flex = 0;
                for (int c = 0; c < n; ++c)
                    flex += settled[c] ? 0 : nat[c];
                for (int c = 0; c < n && flex > 0; ++c)
                    if (!settled[c] && left * nat[c] / flex < min[c]) {
                        settled[c] = true;
                        t.w[c] = min[c];
                        left -= min[c];
                        changed = true;
                    }
                if (!changed)
                    for (int c = 0; c < n; ++c)
                        if (!settled[c])
                            t.w[c] = std::max<qreal>(0, left) * nat[c] / flex;
            }
            const qreal sum = std::accumulate(t.w.begin(), t.w.end(), 0.0);
            if (sum > room) // not even the minimums fit: everything narrower, words break
                for (qreal &w : t.w)
                    w *= room / sum;
        }
        qreal x = 0;
        for (qreal &w : t.w) {
            t.x << x;
            w += pad;
            x += w;
        }
        t.width = x;
        auto rowHeight = [&](const QStringList &cells, const QFont &f) {
            qreal h = 0;
            for (int c = 0; c < n; ++c)
                h = std::max(h, textHeight(cells.value(c), f, t.w[c] - pad, device));
            return h + 2 * pl.padY;
        };
        if (n > 0 && !s.table.rows.isEmpty()) {
            t.headerH = rowHeight(s.table.headers, pl.head);
            for (const QStringList &row : s.table.rows)
                t.rowH << rowHeight(row, pl.cell);
        }
        const bool note = s.table.moreRows > 0 || (s.table.rows.isEmpty() && !s.emptyText.isEmpty());
        t.moreH = note ? cellFm.height() + 2 * pl.padY : 0;
        return t;
    };

    // The flow, section by section.
    const qreal headingH = QFontMetricsF(pl.heading, device).height() + pl.mm(1.5);
    const qreal sectionGap = pl.mm(6), sideGap = pl.mm(8);
    qreal y = pl.bodyTop;
    pl.pages.append(QVector<Plan::Item>());
    auto newPage = [&] {
        pl.pages.append(QVector<Plan::Item>());
        y = pl.bodyTop;
    };
    auto place = [&](Plan::Item::Kind kind, int section, int row, const QRectF &rect, const QString &text = {}) {
        pl.pages.last().append({kind, section, row, rect, text});
    };
    for (int s = 0; s < m_sections.size(); ++s) {
        const Section &sec = m_sections[s];
        pl.tables << measure(sec, pl.width);
        Plan::Table &t = pl.tables.last();
        const int rows = int(t.rowH.size());
        auto rowsHeight = [&t](int from, int to) {
            return std::accumulate(t.rowH.begin() + from, t.rowH.begin() + to, 0.0);
        };
        qreal tableH = rows > 0 ? t.headerH + rowsHeight(0, rows) + t.moreH : t.moreH;
        const qreal start = y > pl.bodyTop ? sectionGap : 0;
        QSizeF chart;
        bool side = false;
        if (!sec.chart.isNull()) {
            // The chart at the size it has on screen (96 dpi), never wider than the page.
            chart = QSizeF(sec.chart.size()) / sec.chart.devicePixelRatio() * (pl.dpi / 96.0);
            chart.scale(std::min(chart.width(), pl.width), std::min(chart.height(), bodyH - headingH), Qt::KeepAspectRatio);
            // A narrow chart has its table beside it when the table fits there whole.
            if (rows > 0 && chart.width() + sideGap + t.natural <= pl.width) {
                Plan::Table beside = measure(sec, pl.width - chart.width() - sideGap);
                const qreal h = beside.headerH + std::accumulate(beside.rowH.begin(), beside.rowH.end(), 0.0) + beside.moreH;
                if (h <= bodyH - headingH) {
                    side = true;
                    beside.left = chart.width() + sideGap;
                    t = beside;
                    tableH = h;
                }
            }
            if (!side) {
                // Stacked: leave room for the first rows of the table under the chart.
                const qreal firstRows = rows > 0 ? t.headerH + rowsHeight(0, std::min(rows, 3)) + pl.gap : 0;
                chart.scale(chart.width(), std::min(chart.height(), bodyH - headingH - firstRows), Qt::KeepAspectRatio);
            }
            const qreal full = headingH + (side ? std::max(chart.height(), tableH)
                                                : chart.height() + (rows > 0 ? pl.gap + tableH : 0));
            if (y + start + full > pl.bodyBottom && y > pl.bodyTop)
                newPage();
            // A table that runs a little over the page: the chart gives way (down to half its
            // size) so the table stays with it.
            const qreal over = pl.bodyTop + full - pl.bodyBottom;
            if (!side && over > 0 && rows > 0 && chart.height() - over >= chart.height() / 2)
                chart.scale(chart.width(), chart.height() - over, Qt::KeepAspectRatio);
        } else {
            const qreal firstRows = rows > 0 ? t.headerH + rowsHeight(0, std::min(rows, kMinRowsOnPage + 1)) : t.moreH;
            if (y + start + headingH + firstRows > pl.bodyBottom && y > pl.bodyTop)
                newPage();
        }
        if (y > pl.bodyTop)
            y += sectionGap;
        place(Plan::Item::Heading, s, 0, QRectF(0, y, pl.width, headingH), sec.heading);
        y += headingH;
        if (side) {
            place(Plan::Item::Chart, s, 0, QRectF(QPointF(0, y), chart));
            qreal ty = y;
            place(Plan::Item::Header, s, 0, QRectF(t.left, ty, t.width, t.headerH));
            ty += t.headerH;
            for (int r = 0; r < rows; ++r) {
                place(Plan::Item::Row, s, r, QRectF(t.left, ty, t.width, t.rowH[r]));
                ty += t.rowH[r];
            }
            if (t.moreH > 0)
                place(Plan::Item::More, s, 0, QRectF(t.left, ty, t.width, t.moreH),
                      tr("… %n more row(s) (see the CSV export)", nullptr, sec.table.moreRows));
            y += std::max(chart.height(), tableH);
            continue;
        }
        if (!chart.isEmpty()) {
            place(Plan::Item::Chart, s, 0, QRectF(QPointF(0, y), chart));
            y += chart.height() + (rows > 0 ? pl.gap : 0);
        }
        if (rows == 0) {
            if (t.moreH > 0) {
                place(Plan::Item::More, s, 0, QRectF(0, y, pl.width, t.moreH), sec.emptyText);
                y += t.moreH;
            }
            continue;
        }
        // Rows per page: as many as fit, then the last page keeps at least kMinRowsOnPage.
        QVector<int> chunks;
        {
            qreal room = pl.bodyBottom - y - t.headerH;
            int count = 0;
            for (int r = 0; r < rows; ++r) {
                const qreal need = t.rowH[r] + (r == rows - 1 ? t.moreH : 0);
                if (need > room && (count > 0 || chunks.isEmpty())) {
                    chunks << count;
                    room = bodyH - headingH - t.headerH;
                    count = 0;
                }
                room -= t.rowH[r];
                ++count;
            }
            chunks << count;
            const int last = int(chunks.size()) - 1;
            if (last > 0 && chunks[last] < kMinRowsOnPage && chunks[last - 1] > 2 * kMinRowsOnPage) {
                const int move = kMinRowsOnPage - chunks[last];
                chunks[last - 1] -= move;
                chunks[last] += move;
            }
        }
        int r = 0;
        for (int c = 0; c < chunks.size(); ++c) {
            if (c > 0) {
                newPage();
                place(Plan::Item::Heading, s, 0, QRectF(0, y, pl.width, headingH), tr("%1 (continued)").arg(sec.heading));
                y += headingH;
            }
            if (chunks[c] == 0) // not one row fits under the chart: the table starts overleaf
                continue;
            place(Plan::Item::Header, s, 0, QRectF(0, y, t.width, t.headerH));
            y += t.headerH;
            for (int k = 0; k < chunks[c]; ++k, ++r) {
                place(Plan::Item::Row, s, r, QRectF(0, y, t.width, t.rowH[r]));
                y += t.rowH[r];
            }
        }
        if (sec.table.moreRows > 0) {
            place(Plan::Item::More, s, 0, QRectF(0, y, pl.width, t.moreH),
                  tr("… %n more row(s) (see the CSV export)", nullptr, sec.table.moreRows));
            y += t.moreH;
        }
    }
    return pl;
}

QVector<ReportDocument::PageSummary> ReportDocument::layout(QPagedPaintDevice *device) const
{
    const Plan pl = plan(device);
    QVector<PageSummary> pages;
    for (const auto &items : pl.pages) {
        PageSummary s;
        qreal bottom = pl.bodyTop;
        for (const Plan::Item &item : items) {
            if (item.kind == Plan::Item::Heading)
                s.headings << item.text;
            s.charts += item.kind == Plan::Item::Chart;
            s.tableRows += item.kind == Plan::Item::Row;
            bottom = std::max(bottom, item.rect.bottom());
        }
        s.filled = (bottom - pl.bodyTop) / (pl.bodyBottom - pl.bodyTop);
        pages << s;
    }
    return pages;
}

bool ReportDocument::paint(QPagedPaintDevice *device, QString *error, int *pages) const
{
    const Plan pl = plan(device);
    QPainter p;
    if (!p.begin(device)) {
        if (error)
            *error = tr("Could not start the report on this device.");
        return false;
    }
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    const QColor ink(0x11, 0x18, 0x27), muted(0x6b, 0x72, 0x80), rule(0xe5, 0xe7, 0xeb), band(0xf1, 0xf5, 0xf9);
    const qreal line = std::max<qreal>(1, pl.mm(0.2));
    const int total = int(pl.pages.size());
    for (int i = 0; i < total; ++i) {
        if (i > 0)
            device->newPage();
        // Header and footer.
        const QFontMetricsF titleFm(pl.title, device), subFm(pl.subtitle, device);
        p.setPen(QColor(0x1f, 0x2a, 0x44));
        p.setFont(pl.title);
        p.drawText(QRectF(0, 0, pl.width, titleFm.height()), Qt::AlignLeft | Qt::AlignVCenter, m_title);
        p.setPen(muted);
        p.setFont(pl.subtitle);
        const QRectF sub = pl.subtitleBelow ? QRectF(0, titleFm.height(), pl.width, subFm.height())
                                            : QRectF(0, 0, pl.width, titleFm.height());
        p.drawText(sub, (pl.subtitleBelow ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter, m_subtitle);
        const qreal ruleY = sub.bottom() + pl.mm(1.5);
        p.setPen(QPen(muted, line));
        p.drawLine(QPointF(0, ruleY), QPointF(pl.width, ruleY));
        p.drawText(QRectF(0, pl.height - subFm.height(), pl.width, subFm.height()), Qt::AlignCenter,
                   tr("Page %1 of %2").arg(i + 1).arg(total));

        for (const Plan::Item &item : pl.pages[i]) {
            const Section &sec = m_sections[item.section];
            const Plan::Table &t = pl.tables[item.section];
            switch (item.kind) {
            case Plan::Item::Heading:
                p.setPen(ink);
                p.setFont(pl.heading);
                p.drawText(item.rect, Qt::AlignLeft | Qt::AlignVCenter, item.text);
                break;
            case Plan::Item::Chart:
                p.drawPixmap(item.rect, sec.chart, QRectF(sec.chart.rect()));
                break;
            case Plan::Item::Header:
            case Plan::Item::Row: {
                const bool header = item.kind == Plan::Item::Header;
                const QStringList &cells = header ? sec.table.headers : sec.table.rows[item.row];
                const QRectF &r = item.rect;
                if (header)
                    p.fillRect(r, band);
                p.setPen(ink);
                for (int c = 0; c < t.w.size(); ++c) {
                    const QRectF cell(r.left() + t.x[c] + pl.padX, r.top() + pl.padY, t.w[c] - 2 * pl.padX, r.height() - 2 * pl.padY);
                    const Qt::Alignment h = sec.table.numeric.value(c) ? Qt::AlignRight : Qt::AlignLeft;
                    drawText(p, cell, cells.value(c), header ? pl.head : pl.cell, h | (header ? Qt::AlignBottom : Qt::AlignTop));
                }
                p.setPen(QPen(header ? muted : rule, line));
                p.drawLine(r.bottomLeft(), r.bottomRight());
                break;
            }
            case Plan::Item::More:
                p.setPen(muted);
                p.setFont(pl.cell);
                p.drawText(item.rect, Qt::AlignLeft | Qt::AlignVCenter, item.text);
                break;
            }
        }
    }
    if (!p.end()) {
        if (error)
            *error = tr("Could not finish the report.");
        return false;
    }
    if (pages)
        *pages = total;
    return true;
}

void ReportDocument::preparePrinter(QPrinter *printer)
{
    printer->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12),
                                       QPageLayout::Millimeter));
}

bool ReportDocument::writePdf(const QString &path, QString *error, int *pages) const
{
    bool ok = false;
    {
        QPdfWriter writer(path);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12),
                                         QPageLayout::Millimeter));
        writer.setTitle(m_title);
        writer.setCreator(QStringLiteral("Sales Cockpit"));
        ok = paint(&writer, nullptr, pages);
    } // the writer closes the file here
    if (!ok || !QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        if (error)
            *error = tr("Could not write the PDF \"%1\".").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

} // namespace cockpit::ui

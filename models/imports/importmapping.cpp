#include "imports/importmapping.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace cockpit::imports {

QString onDuplicateCode(OnDuplicate mode)
{
    switch (mode) {
    case OnDuplicate::Skip: return QStringLiteral("skip");
    case OnDuplicate::Update: return QStringLiteral("update");
    case OnDuplicate::Replace: return QStringLiteral("replace");
    }
    return {};
}

std::optional<OnDuplicate> onDuplicateFromCode(const QString &code)
{
    if (code == QLatin1String("skip"))
        return OnDuplicate::Skip;
    if (code == QLatin1String("update"))
        return OnDuplicate::Update;
    if (code == QLatin1String("replace"))
        return OnDuplicate::Replace;
    return std::nullopt;
}

std::optional<QChar> delimiterFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (name == QLatin1String("\t") || name == QLatin1String("\\t") || n == QLatin1String("tab"))
        return QChar(u'\t');
    if (n == QLatin1String("comma"))
        return QChar(u',');
    if (n == QLatin1String("semicolon"))
        return QChar(u';');
    if (n == QLatin1String("pipe") || n == QLatin1String("bar") || n == QLatin1String("vertical bar"))
        return QChar(u'|');
    if (name.size() != 1)
        return std::nullopt;
    const QChar c = name.at(0);
    if (c == u'"' || c == u'\r' || c == u'\n' || c.isLetterOrNumber())
        return std::nullopt;
    return c;
}

QString delimiterCode(QChar delimiter)
{
    return QString(delimiter);
}

SourceOptions FileMapping::sourceOptions() const
{
    SourceOptions so;
    so.sheet = sheet;
    so.encoding = encoding;
    so.delimiter = delimiter;
    return so;
}

namespace {
QHash<QString, QString> stringMap(const QJsonValue &v, const QString &where, QString *error)
{
    QHash<QString, QString> out;
    if (v.isUndefined() || v.isNull())
        return out;
    if (!v.isObject()) {
        *error = ImportMapping::tr("%1 must be an object of texts").arg(where);
        return out;
    }
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isString()) {
            *error = ImportMapping::tr("%1.%2 must be a text").arg(where, it.key());
            return {};
        }
        out.insert(it.key(), it.value().toString());
    }
    return out;
}
} // namespace

std::optional<ImportMapping> ImportMapping::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (doc.isNull() || !doc.isObject()) {
        *error = doc.isNull() ? tr("not JSON: %1 at character %2").arg(pe.errorString()).arg(pe.offset)
                              : tr("not a mapping: the JSON is not an object");
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    ImportMapping m;
    m.name = o.value(QLatin1String("name")).toString();
    m.currency = o.value(QLatin1String("currency")).toString().trimmed().toUpper();
    if (!m.currency.isEmpty() && (m.currency.size() != 3 || !std::all_of(m.currency.begin(), m.currency.end(), [](QChar c) {
                                      return c >= u'A' && c <= u'Z';
                                  }))) {
        *error = tr("currency must be a three-letter ISO 4217 code such as CNY or USD, not \"%1\"").arg(m.currency);
        return std::nullopt;
    }
    const QString order = o.value(QLatin1String("day_order")).toString();
    if (order == QLatin1String("month_first"))
        m.dayOrder = io::DayOrder::MonthFirst, m.dayOrderGiven = true;
    else if (order == QLatin1String("day_first"))
        m.dayOrder = io::DayOrder::DayFirst, m.dayOrderGiven = true;
    else if (!order.isEmpty()) {
        *error = tr("day_order must be \"month_first\" or \"day_first\", not \"%1\"").arg(order);
        return std::nullopt;
    }
    m.createOrg = o.value(QLatin1String("create_org")).toBool(false);
    if (o.contains(QLatin1String("on_duplicate"))) {
        m.onDuplicate = onDuplicateFromCode(o.value(QLatin1String("on_duplicate")).toString());
        if (!m.onDuplicate) {
            *error = tr("on_duplicate must be skip, update or replace");
            return std::nullopt;
        }
    }
    const QJsonObject p = o.value(QLatin1String("pipeline")).toObject();
    if (!p.isEmpty()) {
        m.pipeline.code = p.value(QLatin1String("code")).toString();
        m.pipeline.name = p.value(QLatin1String("name")).toString(m.pipeline.code);
        int won = 0, open = 0;
        for (const QJsonValue &s : p.value(QLatin1String("stages")).toArray()) {
            MappedStage st;
            st.name = s.isString() ? s.toString() : s.toObject().value(QLatin1String("name")).toString();
            st.closing = s.toObject().value(QLatin1String("closing")).toString();
            if (st.name.trimmed().isEmpty()
                || (!st.closing.isEmpty() && st.closing != QLatin1String("won") && st.closing != QLatin1String("lost"))) {
                *error = tr("pipeline.stages: each stage needs a name, and \"closing\" may only be \"won\" or \"lost\"");
                return std::nullopt;
            }
            won += st.closing == QLatin1String("won");
            open += st.closing.isEmpty();
            m.pipeline.stages << st;
        }
        if (m.pipeline.code.isEmpty() || open == 0 || won != 1) {
            *error = tr("pipeline needs a code, at least one open stage and exactly one stage with \"closing\": \"won\"");
            return std::nullopt;
        }
    }
    const QJsonArray files = o.value(QLatin1String("files")).toArray();
    if (files.isEmpty()) {
        *error = tr("files: the mapping names no file");
        return std::nullopt;
    }
    for (int i = 0; i < files.size(); ++i) {
        const QJsonObject f = files.at(i).toObject();
        const QString where = QStringLiteral("files[%1]").arg(i);
        FileMapping fm;
        fm.file = f.value(QLatin1String("file")).toString();
        fm.sheet = f.value(QLatin1String("sheet")).toString();
        const auto entity = entityFromCode(f.value(QLatin1String("entity")).toString());
        if (!entity) {
            const QString code = f.value(QLatin1String("entity")).toString();
            *error = tr("%1.entity: unknown entity \"%2\" (org, products, customers, contacts, leads, orders, payments, "
                        "activities, stores, store_days, targets)").arg(where, code);
            return std::nullopt;
        }
        fm.entity = *entity;
        if (fm.file.isEmpty() && fm.sheet.isEmpty()) {
            *error = tr("%1: give the \"file\" (or the workbook \"sheet\") it reads").arg(where);
            return std::nullopt;
        }
        fm.columns = stringMap(f.value(QLatin1String("columns")), where + QStringLiteral(".columns"), error);
        fm.defaults = stringMap(f.value(QLatin1String("defaults")), where + QStringLiteral(".defaults"), error);
        if (!error->isEmpty())
            return std::nullopt;
        for (const QString &field : fm.columns.keys() + fm.defaults.keys()) {
            if (!ImportSchema::field(fm.entity, field)) {
                *error = tr("%1: %2 has no field \"%3\"").arg(where, entityCode(fm.entity), field);
                return std::nullopt;
            }
        }
        const QJsonObject values = f.value(QLatin1String("values")).toObject();
        for (auto it = values.begin(); it != values.end(); ++it) {
            fm.values.insert(it.key(), stringMap(it.value(), where + QStringLiteral(".values.") + it.key(), error));
            if (!error->isEmpty())
                return std::nullopt;
        }
        // Stage dates name stages of the mapping's pipeline, or, when it brings none, of the
        // company's pipeline the leads go into (the planner refuses a name it does not have).
        const QJsonObject dates = f.value(QLatin1String("stage_dates")).toObject();
        if (m.pipeline.isSet()) {
            for (const MappedStage &st : m.pipeline.stages)
                if (dates.contains(st.name))
                    fm.stageDates.append({st.name, dates.value(st.name).toString()});
        } else {
            for (auto it = dates.begin(); it != dates.end(); ++it)
                fm.stageDates.append({it.key(), it.value().toString()});
        }
        if (fm.stageDates.size() != dates.size()) {
            *error = tr("%1.stage_dates: every key must be a stage of the mapping's pipeline").arg(where);
            return std::nullopt;
        }
        if (f.contains(QLatin1String("encoding"))) {
            const QString name = f.value(QLatin1String("encoding")).toString();
            fm.encoding = io::encodingFromName(name);
            if (!fm.encoding) {
                *error = tr("%1.encoding must be UTF-8, GB18030, UTF-16LE or UTF-16BE, not \"%2\"").arg(where, name);
                return std::nullopt;
            }
        }
        if (f.contains(QLatin1String("delimiter"))) {
            const QString name = f.value(QLatin1String("delimiter")).toString();
            fm.delimiter = delimiterFromName(name);
            if (!fm.delimiter) {
                *error = tr("%1.delimiter must be one character such as \",\" \";\" \"|\" or \"\\t\" (or comma, semicolon, "
                            "tab, pipe), not \"%2\"").arg(where, name);
                return std::nullopt;
            }
        }
        m.files << fm;
    }
    return m;
}

std::optional<ImportMapping> ImportMapping::fromFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read the mapping %1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    if (f.size() > 4 * 1024 * 1024) {
        *error = tr("the mapping %1 is over 4 MB: not a mapping").arg(path);
        return std::nullopt;
    }
    QString why;
    auto m = fromJson(f.readAll(), &why);
    if (!m)
        *error = tr("mapping %1: %2").arg(path, why);
    return m;
}

QByteArray ImportMapping::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QStringLiteral("sales-cockpit-import-mapping"));
    o.insert(QStringLiteral("version"), 1);
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    if (!currency.isEmpty())
        o.insert(QStringLiteral("currency"), currency);
    if (dayOrderGiven)
        o.insert(QStringLiteral("day_order"), dayOrder == io::DayOrder::MonthFirst ? QStringLiteral("month_first")
                                                                                     : QStringLiteral("day_first"));
    if (createOrg)
        o.insert(QStringLiteral("create_org"), true);
    if (onDuplicate)
        o.insert(QStringLiteral("on_duplicate"), onDuplicateCode(*onDuplicate));
    if (pipeline.isSet()) {
        QJsonArray stages;
        for (const MappedStage &s : pipeline.stages) {
            QJsonObject so{{QStringLiteral("name"), s.name}};
            if (!s.closing.isEmpty())
                so.insert(QStringLiteral("closing"), s.closing);
            stages.append(so);
        }
        o.insert(QStringLiteral("pipeline"), QJsonObject{{QStringLiteral("code"), pipeline.code},
                                                         {QStringLiteral("name"), pipeline.name},
                                                         {QStringLiteral("stages"), stages}});
    }
    auto object = [](const QHash<QString, QString> &h) {
        QJsonObject x;
        for (auto it = h.cbegin(); it != h.cend(); ++it)
            x.insert(it.key(), it.value());
        return x;
    };
    QJsonArray files;
    for (const FileMapping &f : this->files) {
        QJsonObject fo{{QStringLiteral("entity"), entityCode(f.entity)}};
        if (!f.file.isEmpty())
            fo.insert(QStringLiteral("file"), f.file);
        if (!f.sheet.isEmpty())
            fo.insert(QStringLiteral("sheet"), f.sheet);
        fo.insert(QStringLiteral("columns"), object(f.columns));
        if (!f.values.isEmpty()) {
            QJsonObject v;
            for (auto it = f.values.cbegin(); it != f.values.cend(); ++it)
                v.insert(it.key(), object(it.value()));
            fo.insert(QStringLiteral("values"), v);
        }
        if (!f.defaults.isEmpty())
            fo.insert(QStringLiteral("defaults"), object(f.defaults));
        if (!f.stageDates.isEmpty()) {
            QJsonObject d;
            for (const auto &sd : f.stageDates)
                d.insert(sd.first, sd.second);
            fo.insert(QStringLiteral("stage_dates"), d);
        }
        if (f.encoding)
            fo.insert(QStringLiteral("encoding"), io::encodingName(*f.encoding));
        if (f.delimiter)
            fo.insert(QStringLiteral("delimiter"), delimiterCode(*f.delimiter));
        files.append(fo);
    }
    o.insert(QStringLiteral("files"), files);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QHash<QString, QString> suggestColumns(Entity entity, const QStringList &header, const QList<QStringList> &sampleRows)
{
    QHash<QString, QString> out;
    QList<bool> used(header.size(), false);
    QStringList norm;
    for (const QString &h : header)
        norm << ImportSchema::normaliseHeader(h);
    // Mostly parseable samples of column c as type t (no samples: trust the header).
    auto plausible = [&](int c, FieldType t) {
        if (sampleRows.isEmpty() || (t != FieldType::Date && t != FieldType::Money))
            return true;
        int filled = 0, good = 0;
        for (const QStringList &row : sampleRows) {
            const QString v = row.value(c).trimmed();
            if (v.isEmpty())
                continue;
            ++filled;
            QString why;
            good += t == FieldType::Date ? io::Values::parseDate(v, io::DayOrder::DayFirst, &why).has_value()
                                              || io::Values::parseDate(v, io::DayOrder::MonthFirst, &why).has_value()
                                         : io::Values::parseMoneyCents(v, &why).has_value();
        }
        return filled == 0 || good * 10 >= filled * 8;
    };
    const QList<FieldDef> &fields = ImportSchema::fields(entity);
    for (int pass = 0; pass < 2; ++pass) {
        for (const FieldDef &f : fields) {
            if (out.contains(f.code))
                continue;
            for (const QString &want : f.headers) {
                int found = -1;
                for (int c = 0; c < norm.size() && found < 0; ++c) {
                    if (used[c] || norm[c].isEmpty())
                        continue;
                    const bool match = pass == 0 ? norm[c] == want : (want.size() >= 4 && norm[c].contains(want));
                    if (match && plausible(c, f.type))
                        found = c;
                }
                if (found >= 0) {
                    used[found] = true;
                    out.insert(f.code, header.at(found));
                    break;
                }
            }
        }
    }
    return out;
}

std::optional<QList<ValueCount>> countValues(const QString &path, const FileMapping &mapping, const QString &field,
                                             QString *error, int maxValues, qint64 *others)
{
    const QString header = ImportSchema::normaliseHeader(mapping.columns.value(field));
    TableSource src;
    if (!src.open(path, mapping.sourceOptions())) {
        *error = src.error();
        return std::nullopt;
    }
    int col = -1;
    for (int c = 0; c < src.header().size() && col < 0; ++c)
        if (!header.isEmpty() && ImportSchema::normaliseHeader(src.header().at(c)) == header)
            col = c;
    if (col < 0) {
        *error = ImportMapping::tr("no column is the field “%1”").arg(ImportSchema::fieldLabel(mapping.entity, field));
        return std::nullopt;
    }
    const QHash<QString, QString> translate = mapping.values.value(field);
    QList<ValueCount> out;
    QHash<QString, int> index;
    qint64 rest = 0;
    io::CsvRecord rec;
    while (src.next(rec)) {
        if (!rec.error.isEmpty())
            continue; // a malformed line: the check reports it
        QString v = rec.fields.value(col).trimmed();
        v = translate.value(v, v);
        if (v.isEmpty())
            continue;
        const auto it = index.constFind(v);
        if (it != index.cend())
            ++out[*it].rows;
        else if (out.size() < maxValues) {
            index.insert(v, int(out.size()));
            out.append({v, 1});
        } else
            ++rest;
    }
    if (!src.error().isEmpty()) {
        *error = src.error();
        return std::nullopt;
    }
    if (others)
        *others = rest;
    return out;
}

QString headerSetKey(Entity entity, const QStringList &header)
{
    QStringList norm;
    for (const QString &h : header)
        norm << ImportSchema::normaliseHeader(h);
    norm.sort();
    const QByteArray bytes = (entityCode(entity) + QLatin1Char('\n') + norm.join(QLatin1Char('\n'))).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(32));
}

} // namespace cockpit::imports

// The serialised form of the planned rows a plan may spill to its scratch file (plannedrows.h):
// every field, in declaration order, so a row read back is the row planned.
#include "imports/importplan.h"

namespace cockpit::imports {

namespace {
void ref(SpillOut &out, const RowRef &r)
{
    out.i64(r.existing);
    out.i64(r.planned);
}
RowRef ref(SpillIn &in)
{
    RowRef r;
    r.existing = in.i64();
    r.planned = int(in.i64());
    return r;
}
// What every planned row ends with.
template <typename Row>
void tail(SpillOut &out, const Row &r)
{
    out.i64(qint64(r.action));
    out.i64(r.existing);
    out.i64(r.given);
}
template <typename Row>
void tail(SpillIn &in, Row &r)
{
    r.action = RowAction(in.i64());
    r.existing = in.i64();
    r.given = quint32(in.i64());
}
} // namespace

void spillRow(SpillOut &out, const RejectedRow &r)
{
    out.i64(r.line);
    out.str(r.reason);
    out.str(r.m_cells);
}

void unspillRow(SpillIn &in, RejectedRow &r)
{
    r.line = in.i64();
    r.reason = in.str();
    r.m_cells = in.str();
}

void spillRow(SpillOut &out, const PlannedLead &l)
{
    out.i64(l.file);
    out.i64(l.line);
    out.str(l.externalId);
    out.str(l.title);
    out.str(l.lostReason);
    out.str(l.campaign);
    ref(out, l.customer);
    ref(out, l.owner);
    ref(out, l.product);
    out.i64(l.stage);
    out.str(l.status);
    out.i64(l.amountCents);
    out.i64(l.createdAt);
    out.i64(l.closedAt);
    out.opt(l.expectedCloseDay);
    out.i64(qint64(l.moves.size()));
    for (const StageMove &m : l.moves) {
        out.i64(m.from);
        out.i64(m.to);
        out.i64(m.at);
    }
    tail(out, l);
}

void unspillRow(SpillIn &in, PlannedLead &l)
{
    l.file = int(in.i64());
    l.line = in.i64();
    l.externalId = in.str();
    l.title = in.str();
    l.lostReason = in.str();
    l.campaign = in.str();
    l.customer = ref(in);
    l.owner = ref(in);
    l.product = ref(in);
    l.stage = int(in.i64());
    l.status = in.str();
    l.amountCents = in.i64();
    l.createdAt = in.i64();
    l.closedAt = in.i64();
    l.expectedCloseDay = in.opt();
    const qint64 moves = in.i64();
    l.moves.clear();
    for (qint64 i = 0; i < moves && !in.failed(); ++i) {
        StageMove m;
        m.from = int(in.i64());
        m.to = int(in.i64());
        m.at = in.i64();
        l.moves.push_back(m);
    }
    tail(in, l);
}

void spillRow(SpillOut &out, const PlannedContact &c)
{
    out.i64(c.file);
    out.i64(c.line);
    out.str(c.externalId);
    out.str(c.name);
    out.str(c.title);
    out.str(c.chainRole);
    out.str(c.phone);
    ref(out, c.customer);
    out.i64(c.seniority);
    tail(out, c);
}

void unspillRow(SpillIn &in, PlannedContact &c)
{
    c.file = int(in.i64());
    c.line = in.i64();
    c.externalId = in.str();
    c.name = in.str();
    c.title = in.str();
    c.chainRole = in.str();
    c.phone = in.str();
    c.customer = ref(in);
    c.seniority = in.i64();
    tail(in, c);
}

void spillRow(SpillOut &out, const PlannedActivity &a)
{
    out.i64(a.file);
    out.i64(a.line);
    out.str(a.externalId);
    out.str(a.kind);
    out.str(a.direction);
    out.str(a.text);
    out.str(a.tags);
    ref(out, a.lead);
    ref(out, a.customer);
    ref(out, a.actor);
    out.i64(a.at);
    out.i64(a.durationSeconds);
    tail(out, a);
}

void unspillRow(SpillIn &in, PlannedActivity &a)
{
    a.file = int(in.i64());
    a.line = in.i64();
    a.externalId = in.str();
    a.kind = in.str();
    a.direction = in.str();
    a.text = in.str();
    a.tags = in.str();
    a.lead = ref(in);
    a.customer = ref(in);
    a.actor = ref(in);
    a.at = in.i64();
    a.durationSeconds = in.i64();
    tail(in, a);
}

void spillRow(SpillOut &out, const PlannedPayment &p)
{
    out.i64(p.file);
    out.i64(p.line);
    out.str(p.externalId);
    ref(out, p.order);
    ref(out, p.customer);
    ref(out, p.rep);
    out.i64(p.amountCents);
    out.i64(p.dueOn);
    out.opt(p.paidOn);
    tail(out, p);
}

void unspillRow(SpillIn &in, PlannedPayment &p)
{
    p.file = int(in.i64());
    p.line = in.i64();
    p.externalId = in.str();
    p.order = ref(in);
    p.customer = ref(in);
    p.rep = ref(in);
    p.amountCents = in.i64();
    p.dueOn = in.i64();
    p.paidOn = in.opt();
    tail(in, p);
}

void spillRow(SpillOut &out, const PlannedStoreDay &d)
{
    out.i64(d.file);
    out.i64(d.line);
    out.str(d.externalId);
    ref(out, d.store);
    out.i64(d.day);
    out.i64(d.staff);
    out.i64(d.receptions);
    out.i64(d.exposureBp);
    out.i64(d.dwellSeconds);
    out.i64(d.experiences);
    out.i64(d.deals72h);
    out.i64(d.revive);
    tail(out, d);
}

void unspillRow(SpillIn &in, PlannedStoreDay &d)
{
    d.file = int(in.i64());
    d.line = in.i64();
    d.externalId = in.str();
    d.store = ref(in);
    d.day = in.i64();
    d.staff = in.i64();
    d.receptions = in.i64();
    d.exposureBp = in.i64();
    d.dwellSeconds = in.i64();
    d.experiences = in.i64();
    d.deals72h = in.i64();
    d.revive = in.i64() != 0;
    tail(in, d);
}

QString ImportPlan::spillError() const
{
    for (const QString &e : {leads.error(), contacts.error(), activities.error(), payments.error(), storeDays.error()})
        if (!e.isEmpty())
            return e;
    for (const FilePlan &f : files)
        if (!f.rejected.error().isEmpty())
            return f.rejected.error();
    return {};
}

} // namespace cockpit::imports

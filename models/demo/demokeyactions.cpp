// Signal 8: reps do the standard actions of a stage (pipeline_stages.standard_actions) while
// the lead is in that stage with a chance set by their diligence and skill, and each rep
// below the top tends to skip one or two particular kinds. The month of the stage exit moves
// the whole company a little, and one region slips month by month over the last three.
#include "demo/demomodel.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace cockpit::demo::detail {

int keyKindIndex(const char *kind)
{
    for (int i = 0; i < int(std::size(kKeyKinds)); ++i) {
        if (std::strcmp(kKeyKinds[i], kind) == 0)
            return i;
    }
    return -1;
}

void assignKeyActionTraits(Ctx &c)
{
    Rng r = Rng::derive(c.opt.seed, 0xD111);
    // How often each kind is expected across the pipelines' exited stages: the kinds a rep
    // skips are mostly the common ones (meeting, visit, call), so "top-3 missing" reads.
    static const std::vector<double> weakWeight{3, 1, 3, 4, 1.5, 1.5, 1.5};
    for (int u : c.reps) {
        User &rep = c.users[u];
        rep.keyRate = std::clamp(0.875 + 1.1 * (rep.diligence - 0.8) + 0.08 * (rep.skill - 1.0) + 0.035 * r.normal(),
                                 0.5, 0.995);
        const int nWeak = rep.keyRate < 0.8 ? 2 : (rep.keyRate < 0.9 ? 1 : (r.chance(0.3) ? 1 : 0));
        while (std::popcount(rep.weakKinds) < nWeak)
            rep.weakKinds |= 1u << r.weighted(weakWeight);
    }
}

double keyActionChance(const Ctx &c, const User &rep, const char *kind, qint64 exitAt)
{
    const int k = keyKindIndex(kind);
    if (k < 0)
        return 1.0;
    double p = (rep.weakKinds >> k) & 1 ? rep.keyRate - 0.4 : rep.keyRate + 0.5 * (1.0 - rep.keyRate);
    // The month: a company-wide swing, and the second region slipping over the last three.
    const int month = monthIndexOfDay(dayOf(exitAt + kBeijingOffset));
    Rng mr = Rng::derive(c.opt.seed, 0xD112, quint64(month));
    p += 0.02 * mr.normal();
    const int last = monthIndexOfDay(c.today);
    if (rep.region == (c.regions.size() > 1 ? 1 : 0) && month >= last - 2)
        p -= 0.04 * (month - last + 3);
    return std::clamp(p, 0.02, 0.995);
}

} // namespace cockpit::demo::detail

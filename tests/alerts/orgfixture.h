#pragma once
// The hand-made company of tests/common/fixture.h with a team lead between the reps and the
// director (u1, u2 → u9 → u0), so escalation has a chain to climb. Key (schema v5): u9 = 109.
#include "../common/fixture.h"

namespace fixture {

inline bool populateWithChain(cockpit::storage::Database &database)
{
    return populate(database)
        && exec(database.connection(),
                QStringLiteral("INSERT INTO users (id, name, role, manager_id, hire_date, updated_at) VALUES"
                                       " (109, '孙组长', 'team_lead', 100, cockpit_day('2020-01-01'),"
                                       " cockpit_secs('2026-01-01T00:00:00Z'))"))
        && exec(database.connection(), QStringLiteral("UPDATE users SET manager_id = 109 WHERE id IN (101, 102)"));
}

} // namespace fixture

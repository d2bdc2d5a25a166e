#pragma once
// The status colours every figure is judged in (a KPI tile against its healthy threshold, a
// process-health light, a store's four-colour code). Screens map them to the palette (with a
// colour-blind-safe alternative) and always show the word or symbol too.
#include <QString>

namespace cockpit::analytics {

// Ordered from best to worst; Grey = no data. "Worst of" is std::max over non-grey values.
enum class Rag { Grey = 0, Green = 1, Yellow = 2, Orange = 3, Red = 4 };

QString ragKey(Rag r);   // "grey", "green", "yellow", "orange", "red" (CSV/JSON)
QString ragLabel(Rag r); // translated: "No data", "Green", …
// The worse of two colours; Grey only when both are Grey.
Rag worse(Rag a, Rag b);

} // namespace cockpit::analytics

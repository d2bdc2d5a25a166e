#include "targets/correlation.h"
#include "targets/targetstext.h"

namespace cockpit::targets {

LineFit fitLine(const QVector<std::optional<double>> &xs, const QVector<std::optional<double>> &ys)
{
    QVector<double> x, y;
    for (int i = 0; i < std::min(xs.size(), ys.size()); ++i)
        if (xs[i] && ys[i]) {
            x << *xs[i];
            y << *ys[i];
        }
    LineFit f;
    f.n = int(x.size());
    if (f.n < 3) {
        f.reason = tr("Not enough data: %n rep(s) with both figures; at least 3 are needed.", nullptr, f.n);
        return f;
    }
    double mx = 0, my = 0;
    for (int i = 0; i < f.n; ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= f.n;
    my /= f.n;
    double sxx = 0, syy = 0, sxy = 0;
    for (int i = 0; i < f.n; ++i) {
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    // Relative tolerance: values equal up to rounding have no variance.
    const double eps = 1e-12;
    if (sxx <= eps * std::max(1.0, mx * mx) * f.n || syy <= eps * std::max(1.0, my * my) * f.n) {
        f.reason = tr("Not enough data: every rep has the same value, so no line can be fitted.");
        return f;
    }
    f.enoughData = true;
    f.slope = sxy / sxx;
    f.intercept = my - f.slope * mx;
    f.r2 = (sxy * sxy) / (sxx * syy);
    return f;
}

} // namespace cockpit::targets

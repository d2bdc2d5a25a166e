#include "forecast/logistic.h"
#include "forecast/winprob.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <thread>

namespace cockpit::forecast {

double sigmoid(double z)
{
    return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
}

namespace {
// XᵀWX over the examples (columns of xt) in two halves on two threads (Eigen alone multiplies
// on one core): a Newton step's cost is almost all here. In single precision (twice the
// products per instruction): the Hessian only steers the step, the gradient stays double and
// the fit ends on the step's size, so the optimum is the double one.
Eigen::MatrixXd weightedGram(const Eigen::MatrixXf &xt, const Eigen::VectorXd &sqrtW)
{
    const Eigen::Index n = xt.cols(), half = n / 2;
    auto part = [&](Eigen::Index from, Eigen::Index count, Eigen::MatrixXd *out) {
        const Eigen::MatrixXf xw = xt.middleCols(from, count).array().rowwise()
                                   * sqrtW.segment(from, count).transpose().cast<float>().array();
        Eigen::MatrixXf h = Eigen::MatrixXf::Zero(xt.rows(), xt.rows());
        h.selfadjointView<Eigen::Lower>().rankUpdate(xw); // half the products of xw xwᵀ
        *out = h.cast<double>();
    };
    Eigen::MatrixXd a, b;
    if (n < 20000) {
        part(0, n, &a);
        return a;
    }
    std::thread t(part, half, n - half, &b);
    part(0, half, &a);
    t.join();
    a += b;
    return a;
}

// Newton's method on the examples as columns of xt (d × n): each example contiguous.
Eigen::VectorXd fitColumns(const Eigen::MatrixXd &xt, const Eigen::VectorXd &y, const LogisticOptions &o, int *iterations)
{
    const Eigen::Index d = xt.rows();
    Eigen::VectorXd beta = Eigen::VectorXd::Zero(d);
    // Start from the base rate (the intercept's optimum with every other weight at 0).
    const double mean = y.size() > 0 ? std::clamp(y.mean(), 1e-6, 1 - 1e-6) : 0.5;
    if (d > 0)
        beta(0) = std::log(mean / (1 - mean));
    Eigen::VectorXd penalty = Eigen::VectorXd::Constant(d, o.lambda);
    if (d > 0)
        penalty(0) = 0; // the intercept
    const Eigen::MatrixXf single = xt.cast<float>();
    int it = 0;
    double previousLoss = std::numeric_limits<double>::infinity();
    for (; it < o.maxIterations; ++it) {
        const Eigen::VectorXd z = xt.transpose() * beta;
        Eigen::VectorXd p(z.size()), sqrtW(z.size());
        double loss = 0; // the penalised negative log-likelihood
        for (Eigen::Index i = 0; i < z.size(); ++i) {
            p(i) = sigmoid(z(i));
            sqrtW(i) = std::sqrt(std::max(p(i) * (1.0 - p(i)), 1e-12));
            loss += std::log1p(std::exp(-std::abs(z(i)))) + std::max(z(i), 0.0) - y(i) * z(i);
        }
        loss += 0.5 * penalty.dot(beta.cwiseProduct(beta));
        // Converged when a step no longer improves the fit by a millionth (a nearly separable
        // feature would otherwise walk its weight out for many steps that change nothing).
        if (previousLoss - loss < o.relativeLoss * std::abs(loss))
            break;
        previousLoss = loss;
        const Eigen::VectorXd g = xt * (p - y) + penalty.cwiseProduct(beta);
        Eigen::MatrixXd h = weightedGram(single, sqrtW);
        h.diagonal() += penalty;
        h.diagonal().array() += 1e-9; // a column constant in the training set stays solvable
        const Eigen::VectorXd step = h.selfadjointView<Eigen::Lower>().ldlt().solve(g);
        beta -= step;
        if (step.cwiseAbs().maxCoeff() < o.tolerance) {
            ++it;
            break;
        }
    }
    if (iterations)
        *iterations = it;
    return beta;
}
} // namespace

Eigen::VectorXd fitLogistic(const Eigen::MatrixXd &x, const Eigen::VectorXd &y, const LogisticOptions &o, int *iterations)
{
    return fitColumns(x.transpose(), y, o, iterations);
}

std::vector<Example> examplesOf(const std::vector<Deal> &deals, qint64 fromDay, qint64 toDay)
{
    std::vector<Example> out;
    for (std::size_t i = 0; i < deals.size(); ++i) {
        const Deal &d = deals[i];
        if (!d.closed() || d.closedDay < fromDay || d.closedDay >= toDay)
            continue;
        for (int s : d.stagesReached)
            out.push_back({i, s});
    }
    return out;
}

namespace {
constexpr int kBucketFactors[] = {Punctuality, Tenure, BudgetShare, Seniority};
constexpr int kBucketsPerFactor = 4; // -1 (not recorded), 0, 1, 2
const char *const kNumeric[] = {"log_amount", "competitor", "validated", "demo_held", "intent_complete",
                                "final_approver_met", "decision_role_recorded", "log_sales_actions",
                                "log_customer_responses", "rep_win_rate"};
constexpr int kNumericCount = int(std::size(kNumeric));
} // namespace

double WinModel::repRate(const Deal &d, bool leaveOut) const
{
    auto [won, n] = m_rep.value(d.owner);
    if (leaveOut) {
        won -= d.won() ? 1 : 0;
        n -= 1;
    }
    return shrunkRate(won, std::max(n, 0.0), m_allRate);
}

void WinModel::features(const Deal &d, int stage, double rep, double *f) const
{
    std::fill(f, f + m_width, 0.0);
    f[0] = 1.0;
    if (const auto it = m_stageCol.constFind(stage); it != m_stageCol.cend())
        f[*it] = 1.0;
    if (const auto it = m_industryCol.constFind(d.industry); it != m_industryCol.cend())
        f[*it] = 1.0;
    if (const auto it = m_productCol.constFind(d.product); it != m_productCol.cend())
        f[*it] = 1.0;
    for (int k = 0; k < int(std::size(kBucketFactors)); ++k)
        f[m_bucketCol + k * kBucketsPerFactor + d.bucket[std::size_t(kBucketFactors[k])] + 1] = 1.0;
    double *n = f + m_numericCol;
    n[0] = m_useAmount ? std::log1p(std::max<qint64>(d.amountCents, 0) / 100.0) : 0.0;
    n[1] = !(m_written & CompetitorFact) && d.bucket[Competitor] == 1;
    n[2] = !(m_written & ValidationFact) && d.bucket[TechValidation] >= 2;
    // The activity as the deal stood when it left `stage` (closed deals) or now (open deals).
    const auto k = std::size_t(std::find(d.stagesReached.begin(), d.stagesReached.end(), stage) - d.stagesReached.begin());
    const bool atStage = k < d.stageFacts.size();
    n[3] = atStage ? d.stageFacts[k].demoHeld : d.demoHeld;
    n[4] = !(m_written & IntentFact) && d.intentComplete();
    n[5] = !(m_written & RoleFact) && d.finalApproverMet;
    n[6] = !(m_written & RoleFact) && d.decisionRoleKnown;
    n[7] = std::log1p(atStage ? d.stageFacts[k].salesActions : d.salesActions);
    n[8] = std::log1p(atStage ? d.stageFacts[k].customerResponses : d.customerResponses);
    n[9] = rep;
}

void WinModel::train(const std::vector<Deal> &deals, const std::vector<Example> &training, bool amountLeaks,
                     const LogisticOptions &o, int outcomeWritten)
{
    *this = WinModel();
    m_written = outcomeWritten;
    if (training.empty())
        return;
    m_useAmount = !amountLeaks;
    std::set<int> stages, industries, products, seen;
    double won = 0;
    for (const Example &e : training) {
        const Deal &d = deals[e.deal];
        stages.insert(e.stage);
        industries.insert(d.industry);
        products.insert(d.product);
        if (seen.insert(int(e.deal)).second) {
            auto &r = m_rep[d.owner];
            r.first += d.won();
            r.second += 1;
            won += d.won();
        }
    }
    m_allRate = won / double(seen.size());
    m_names << QStringLiteral("intercept");
    int col = 1;
    for (int s : stages) {
        m_stageCol.insert(s, col++);
        m_names << QStringLiteral("stage=%1").arg(s);
    }
    for (int i : industries) {
        m_industryCol.insert(i, col++);
        m_names << QStringLiteral("industry=%1").arg(i);
    }
    for (int p : products) {
        m_productCol.insert(p, col++);
        m_names << QStringLiteral("product=%1").arg(p);
    }
    m_bucketCol = col;
    for (int k : kBucketFactors)
        for (int b = -1; b < kBucketsPerFactor - 1; ++b)
            m_names << QStringLiteral("%1=%2").arg(factorName(Factor(k))).arg(b);
    col += int(std::size(kBucketFactors)) * kBucketsPerFactor;
    m_numericCol = col;
    for (const char *n : kNumeric)
        m_names << QString::fromLatin1(n);
    m_width = col + kNumericCount;

    const Eigen::Index rows = Eigen::Index(training.size());
    // One example per column, filled in place, standardised column by column.
    Eigen::MatrixXd xt(m_width, rows);
    Eigen::VectorXd y(rows);
    for (Eigen::Index i = 0; i < rows; ++i) {
        const Example &e = training[std::size_t(i)];
        const Deal &d = deals[e.deal];
        if (i > 0 && training[std::size_t(i - 1)].deal == e.deal) {
            // The same deal in another stage: only the stage and its activity differ.
            xt.col(i) = xt.col(i - 1);
            xt(m_stageCol.value(training[std::size_t(i - 1)].stage), i) = 0;
            xt(m_stageCol.value(e.stage), i) = 1;
            const auto k = std::size_t(std::find(d.stagesReached.begin(), d.stagesReached.end(), e.stage) - d.stagesReached.begin());
            if (k < d.stageFacts.size()) {
                xt(m_numericCol + 3, i) = d.stageFacts[k].demoHeld;
                xt(m_numericCol + 7, i) = std::log1p(d.stageFacts[k].salesActions);
                xt(m_numericCol + 8, i) = std::log1p(d.stageFacts[k].customerResponses);
            }
        } else {
            features(d, e.stage, repRate(d, true), xt.col(i).data());
        }
        y(i) = d.won() ? 1.0 : 0.0;
    }
    m_mean = xt.rowwise().mean();
    m_scale = ((xt.colwise() - m_mean).array().square().rowwise().sum() / double(rows)).sqrt();
    m_mean(0) = 0;
    m_scale(0) = 1;
    for (Eigen::Index c = 1; c < m_width; ++c)
        if (m_scale(c) < 1e-12)
            m_scale(c) = 1; // constant in training: standardises to 0
    const Eigen::VectorXd inverse = m_scale.cwiseInverse();
    for (Eigen::Index i = 0; i < rows; ++i)
        xt.col(i) = (xt.col(i) - m_mean).cwiseProduct(inverse);
    m_weights = fitColumns(xt, y, o, &m_iterations);
    m_examples = int(rows);
}

double WinModel::predict(const Deal &d, int stage) const
{
    if (!trained())
        return 0;
    std::vector<double> f(static_cast<std::size_t>(m_width), 0.0);
    features(d, stage < 0 ? d.stage : stage, repRate(d, false), f.data());
    double z = m_weights(0);
    for (int c = 1; c < m_width; ++c)
        z += m_weights(c) * (f[std::size_t(c)] - m_mean(c)) / m_scale(c);
    return sigmoid(z);
}

} // namespace cockpit::forecast

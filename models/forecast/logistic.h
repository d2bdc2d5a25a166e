#pragma once
// The learned win probability: L2-regularised logistic regression fitted by Newton's method
// (IRLS) with Eigen, on the org's own closed deals.
//
// Examples. A closed deal gives one example per non-closing stage it reached ("the deal as it
// stood in that stage", label won = 1), so a model is asked the question the open pipeline
// asks: given a deal in stage s, will it be won? The stage-rate baseline is the same question
// answered by the training period's win rate of stage s.
//
// Features (each standardised over the training examples; the intercept is not penalised):
//   stage one-hot (stages seen in training) · industry one-hot · product one-hot ·
//   log(1 + amount) — left out when DealSet::amountLeaks (the amount tells the outcome) ·
//   competitor present · technical validation · demo held · intent letter complete ·
//   final approver met · decision role recorded · log(1 + sales actions) ·
//   log(1 + customer responses) · the rep's shrunk win rate on training deals (leave-one-out
//   on a training example, so a deal does not vote for itself) · each customer factor's
//   bucket one-hot (punctuality, tenure, budget share, contact seniority).
// A fact the outcome writes (DealSet::outcomeWritten) is left at 0.
// Activity (demo held, sales actions, customer responses) is counted up to the moment the deal
// left the example's stage (Deal::stageFacts), so a closed deal's stage looks as an open
// deal's does. What a feature cannot say: the gate fields are read as they stand now (the
// file keeps no history of them); those the outcome writes are left out.
#include "forecast/deal.h"

#include <QHash>
#include <QStringList>

#include <Eigen/Dense>

namespace cockpit::forecast {

struct LogisticOptions
{
    double lambda = 1.0;     // L2 penalty on the standardised weights
    int maxIterations = 50;
    double tolerance = 1e-5;    // on the largest step of a (standardised) weight
    double relativeLoss = 1e-6; // or on the penalised log-loss's improvement, relative
};

// Plain logistic regression on a design matrix (column 0 the intercept, not penalised):
// the weights, found by Newton steps β ← β − (XᵀWX + λI)⁻¹ (Xᵀ(p − y) + λβ), until a step is
// below `tolerance` or improves the penalised log-loss by less than `relativeLoss`.
Eigen::VectorXd fitLogistic(const Eigen::MatrixXd &x, const Eigen::VectorXd &y, const LogisticOptions &o = {},
                            int *iterations = nullptr);
double sigmoid(double z);

struct Example
{
    std::size_t deal = 0; // index in the deal list
    int stage = 0;
};
// One example per (closed deal, non-closing stage it reached), for deals closed in
// [fromDay, toDay).
std::vector<Example> examplesOf(const std::vector<Deal> &deals, qint64 fromDay, qint64 toDay);

class WinModel
{
public:
    // Learns from the examples (their deals must be closed). Empty examples → untrained.
    // `outcomeWritten`: WrittenFact bits whose features stay 0.
    void train(const std::vector<Deal> &deals, const std::vector<Example> &training, bool amountLeaks,
               const LogisticOptions &o = {}, int outcomeWritten = 0);
    bool trained() const { return m_weights.size() > 0; }
    // The win probability of `deal` as if in `stage` (its own stage when -1).
    double predict(const Deal &deal, int stage = -1) const;
    QStringList featureNames() const { return m_names; }
    const Eigen::VectorXd &weights() const { return m_weights; }
    int iterations() const { return m_iterations; }
    int trainingExamples() const { return m_examples; }

private:
    void features(const Deal &d, int stage, double repRate, double *out) const;
    double repRate(const Deal &d, bool leaveOut) const;

    QHash<int, int> m_stageCol, m_industryCol, m_productCol;
    int m_bucketCol = 0, m_numericCol = 0, m_width = 0;
    bool m_useAmount = true;
    int m_written = 0;
    QHash<int, std::pair<double, double>> m_rep; // owner → (won, n) over training deals
    double m_allRate = 0;
    Eigen::VectorXd m_mean, m_scale, m_weights;
    QStringList m_names;
    int m_iterations = 0, m_examples = 0;
};

} // namespace cockpit::forecast

#pragma once

#include <QMap>
#include <QString>

#include <vector>

namespace meshscope {

/// An alert raised outside meshscope (a Prometheus alerting rule), as the timeline shows
/// it next to our own anomalies.
struct ExternalAlert
{
    QString name; ///< the `alertname` label
    /// The alert's labels minus `alertname` and any label that looks like a credential.
    QMap<QString, QString> labels;
    QString state; ///< "pending" or "firing" (the latest state seen)
    qint64 activeAtMs = 0; ///< when the rule first matched (Prometheus' activeAt), 0 if unknown
    qint64 startMs = 0; ///< interval start: first time seen pending or firing
    qint64 endMs = -1; ///< interval end (exclusive); -1 while still active
    QString entity; ///< the node or edge it concerns, empty when the labels do not say

    bool isOpen() const { return endMs < 0; }
    friend bool operator==(const ExternalAlert&, const ExternalAlert&) = default;
};

/// Labels worth keeping from an alert: drops `alertname` (kept as the name), `__name__`,
/// `alertstate` (kept as the state) and labels whose name suggests a secret (token,
/// password, secret, key, credential, authorization), so recordings never carry one.
QMap<QString, QString> alertLabelsWithoutSecrets(const QMap<QString, QString>& labels);

} // namespace meshscope

#pragma once

#include "endpoint_settings.h"
#include "kiali_client.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace meshscope {

/// Everything needed to watch a live mesh: where Prometheus (and optionally Kiali) is,
/// how to log in, which namespaces, how often to poll and how far back to start.
struct ConnectionProfile
{
    static constexpr int MinPollIntervalS = 5;
    static constexpr int MaxPollIntervalS = 60;

    QString name;
    EndpointSettings prometheus;
    EndpointSettings kiali; ///< url empty: no Kiali, topology comes from Prometheus
    KialiAuthStrategy kialiAuth = KialiAuthStrategy::Anonymous;
    QStringList namespaces; ///< empty: every namespace with Istio traffic
    int pollIntervalS = 15; ///< also the step of the series
    int backfillMinutes = 60;
    int rateWindowS = 60; ///< the [window] of rate() and Kiali's graph duration

    bool hasKiali() const { return kiali.isValid(); }
    qint64 stepMs() const { return qint64(pollIntervalS) * 1000; }
    /// Throws MeshscopeError naming the first thing that is wrong.
    void validate() const;
    /// What a recording stores about its source: URLs, namespaces, timings, auth kinds,
    /// never a secret.
    QMap<QString, QString> describe() const;

    /// JSON for saving a profile. Secrets are left out (they belong in the keychain).
    QJsonObject toJson() const;
    static ConnectionProfile fromJson(const QJsonObject& object);
};

QString endpointAuthKindName(EndpointAuth::Kind kind);
/// "none", "bearer", "basic"; throws MeshscopeError otherwise.
EndpointAuth::Kind endpointAuthKindFromName(const QString& name);

} // namespace meshscope

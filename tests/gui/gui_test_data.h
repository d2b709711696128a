#pragma once

#include "model/dataset.h"

#include <memory>

namespace meshscope::testing {

/// Times of the small test mesh (ms since the epoch).
inline constexpr qint64 MeshStartMs = 1'700'000'000'000;
inline constexpr qint64 MeshStepMs = 10'000;
inline constexpr int MeshSamples = 61; // ten minutes
/// The anomaly on `frontend->cart` covers [AnomalyStartMs, AnomalyEndMs].
inline constexpr qint64 AnomalyStartMs = MeshStartMs + 300'000;
inline constexpr qint64 AnomalyEndMs = MeshStartMs + 420'000;
inline const QString AnomalousEdge = QStringLiteral("frontend->cart");

/// gateway -> frontend -> {cart, catalog}, cart -> redis (tcp), in two namespaces, with
/// request rate and error ratio series, one anomaly on frontend->cart and an incident
/// naming cart as the suspected root cause.
std::shared_ptr<const Dataset> smallMesh();

} // namespace meshscope::testing

#pragma once

#include "sim_mesh.h"

#include <QString>

namespace meshscope {

/// Builds the meshes the simulator knows. Every mesh has one root, the ingress gateway
/// `istio-ingressgateway` in namespace `istio-system`, and is finalized.
namespace MeshGenerator {

/// Istio's Bookinfo: productpage, details, reviews v1/v2/v3, ratings, a mongodb over TCP.
SimMesh bookinfo();
/// Google's Online Boutique: frontend, cart, checkout, payment, shipping, email,
/// currency, productcatalog, recommendation, ad, redis-cart (TCP) in two namespaces.
SimMesh boutique();
/// A random layered acyclic mesh of `services` services (plus the gateway) spread over
/// `namespaces` namespaces; calls go from one layer to deeper ones, about three
/// outgoing calls per service on average; about a sixth of the deepest services are
/// TCP databases. Deterministic in `seed`.
SimMesh random(int services, int namespaces, quint64 seed);
/// By name: "bookinfo", "boutique" or "random"; throws MeshscopeError on others.
SimMesh byName(const QString& topology, int services, int namespaces, quint64 seed);

} // namespace MeshGenerator

} // namespace meshscope

#pragma once

#include "connection_profile.h"

class QCommandLineParser;

namespace meshscope {

/// The connection options shared by `meshscope-cli check` and `record`: URLs, auth
/// (flags, MESHSCOPE_* environment variables, files, so a secret never has to be on the
/// command line), TLS, extra headers, timeouts and namespaces.
namespace ProfileOptions {

void addTo(QCommandLineParser& parser);
/// Builds the profile; throws MeshscopeError for missing or contradictory options.
/// `warnings` gets notes the user must see (e.g. TLS verification is off).
ConnectionProfile read(const QCommandLineParser& parser, QStringList* warnings);

} // namespace ProfileOptions

} // namespace meshscope

#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace meshscope {

/// Keeps connection secrets (tokens, passwords) in the desktop keychain through
/// QtKeychain when meshscope was built with it. Keys are "<profile>/<what>". Jobs are
/// asynchronous; callbacks run on the caller's thread.
class ConnectionSecretStore
{
public:
    static bool isAvailable();
    /// Stores `secret` (an empty secret deletes the entry). `done` gets an error text or "".
    static void store(
        const QString& key, const QString& secret, std::function<void(const QString& error)> done = {});
    /// Reads a secret; `done` gets it, or an empty string and the error text.
    static void load(
        const QString& key, std::function<void(const QString& secret, const QString& error)> done);
};

} // namespace meshscope

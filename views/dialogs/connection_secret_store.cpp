#include "connection_secret_store.h"

#include <QCoreApplication>

#ifdef MESHSCOPE_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace meshscope {

namespace {
#ifdef MESHSCOPE_HAVE_KEYCHAIN
const QString Service = QStringLiteral("meshscope");
#endif
} // namespace

bool ConnectionSecretStore::isAvailable()
{
#ifdef MESHSCOPE_HAVE_KEYCHAIN
    // QtKeychain 0.13 cannot ask ahead whether a backend runs; a failing job says so.
    return true;
#else
    return false;
#endif
}

void ConnectionSecretStore::store(
    const QString& key, const QString& secret, std::function<void(const QString&)> done)
{
#ifdef MESHSCOPE_HAVE_KEYCHAIN
    QKeychain::Job* job = nullptr;
    if (secret.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(Service);
    } else {
        auto* write = new QKeychain::WritePasswordJob(Service);
        write->setTextData(secret);
        job = write;
    }
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, [done](QKeychain::Job* finished) {
        if (done)
            done(finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound
                    ? QString()
                    : finished->errorString());
    });
    job->start();
#else
    Q_UNUSED(key)
    Q_UNUSED(secret)
    if (done)
        done(QCoreApplication::translate(
            "meshscope::ConnectionSecretStore", "no desktop keychain in this build"));
#endif
}

void ConnectionSecretStore::load(const QString& key, std::function<void(const QString&, const QString&)> done)
{
#ifdef MESHSCOPE_HAVE_KEYCHAIN
    auto* job = new QKeychain::ReadPasswordJob(Service);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, [done](QKeychain::Job* finished) {
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
        if (read->error() == QKeychain::NoError)
            done(read->textData(), QString());
        else
            done(QString(), read->errorString());
    });
    job->start();
#else
    Q_UNUSED(key)
    done(QString(),
        QCoreApplication::translate("meshscope::ConnectionSecretStore", "no desktop keychain in this build"));
#endif
}

} // namespace meshscope

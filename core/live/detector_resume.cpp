#include "detector_resume.h"

#include "recording/recording.h"

#include "model/meshscope_error.h"

#include <QDir>
#include <QFileInfo>

namespace meshscope {

namespace {
constexpr int RecordingsLookedAt = 20;

// The settings that decide which series a session has and at which step.
bool sameMesh(const QMap<QString, QString>& recorded, const QMap<QString, QString>& wanted)
{
    for (const char* key : {"live.prometheus_url", "live.namespaces", "live.step_s", "live.rate_window_s"}) {
        const QString name = QString::fromLatin1(key);
        if (recorded.value(name) != wanted.value(name))
            return false;
    }
    return true;
}
} // namespace

QString recordingToResume(
    const QString& recordingOrFolder, const ConnectionProfile& profile, const QString& ownRecording)
{
    const QFileInfo given(recordingOrFolder);
    const QString own = QFileInfo(ownRecording).absoluteFilePath();
    if (given.isFile())
        return given.absoluteFilePath() == own ? QString() : given.absoluteFilePath();
    if (!given.isDir())
        return {};
    const QMap<QString, QString> wanted = profile.describe();
    const QFileInfoList candidates
        = QDir(recordingOrFolder).entryInfoList({QStringLiteral("*.meshrec")}, QDir::Files, QDir::Time);
    for (qsizetype i = 0; i < std::min<qsizetype>(candidates.size(), RecordingsLookedAt); ++i) {
        const QString path = candidates[i].absoluteFilePath();
        if (path == own)
            continue;
        try {
            const RecordingInfo info = RecordingReader::open(path)->info();
            if (info.detectorStateCount > 0 && sameMesh(info.settings, wanted))
                return path;
        } catch (const MeshscopeError&) {
            continue; // damaged, foreign or newer: not one to resume from
        }
    }
    return {};
}

} // namespace meshscope

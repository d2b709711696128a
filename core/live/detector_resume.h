#pragma once

#include "connection_profile.h"

#include <QString>

namespace meshscope {

/// The recording a new live session resumes its detectors from: `recordingOrFolder`
/// itself when it is a file, else the most recently written recording in that folder
/// that was recorded from the same Prometheus, namespaces, step and rate window as
/// `profile` and holds detector checkpoints (the newest 20 recordings are looked at;
/// unreadable ones are skipped). Never `ownRecording`, the session's new file. Empty when
/// there is none. Opens files: call it off the GUI thread.
QString recordingToResume(
    const QString& recordingOrFolder, const ConnectionProfile& profile, const QString& ownRecording);

} // namespace meshscope

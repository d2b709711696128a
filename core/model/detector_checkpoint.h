#pragma once

#include "entity.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace meshscope {

/// What one series' detector has learnt, as of its latest sample, so that a later
/// session resumes it warm instead of relearning from a short backfill (a recording's
/// detector_state table; LiveDetection::checkpoints() and resume()).
struct DetectorCheckpoint
{
    /// Which checkpoints of a session: its latest (what a next session resumes), or the
    /// ones it resumed from itself (what a replay of its recording starts from).
    enum class Kind { Latest = 0, SessionStart = 1 };

    SeriesKey series;
    qint64 lastMs = 0; ///< time of the latest sample the detector learnt from
    qint64 samples = 0; ///< samples it learnt from
    QString config; ///< the configuration it learnt under; another one does not resume it
    QByteArray state; ///< Detector::saveState()
};

} // namespace meshscope

#pragma once

#include "model/detector_checkpoint.h"

#include <vector>

namespace meshscope {

class SqliteDatabase;

/// Reads and writes the detector_state table (schema version 4 and later): per kind of
/// checkpoint one row per series. Writers call these inside their open transaction.
class DetectorStateTable
{
public:
    using Kind = DetectorCheckpoint::Kind;
    /// Replaces all stored checkpoints of this kind.
    static void replaceCheckpoints(
        SqliteDatabase& db, Kind kind, const std::vector<DetectorCheckpoint>& checkpoints);
    /// The stored checkpoints of this kind by series; none before schema version 4.
    static std::vector<DetectorCheckpoint> checkpoints(
        const SqliteDatabase& db, int schemaVersion, Kind kind);
    static int count(const SqliteDatabase& db, int schemaVersion, Kind kind);
};

} // namespace meshscope

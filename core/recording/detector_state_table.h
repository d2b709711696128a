#pragma once

#include "model/detector_checkpoint.h"

#include <vector>

namespace meshscope {

class SqliteDatabase;

/// Reads and writes the detector_state table (schema version 4 and later): one row per
/// series with its detector's checkpoint. Writers call these inside their open transaction.
class DetectorStateTable
{
public:
    /// Replaces all stored checkpoints.
    static void replaceCheckpoints(SqliteDatabase& db, const std::vector<DetectorCheckpoint>& checkpoints);
    /// The stored checkpoints by series; none for a file older than schema version 4.
    static std::vector<DetectorCheckpoint> checkpoints(const SqliteDatabase& db, int schemaVersion);
    static int count(const SqliteDatabase& db, int schemaVersion);
};

} // namespace meshscope

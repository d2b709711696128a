#pragma once

#include "model/external_alert.h"

#include <vector>

namespace meshscope {

class SqliteDatabase;

/// Reads and writes the external_alert table (schema version 3 and later).
/// Writers call these inside their open transaction.
class AlertTable
{
public:
    /// Replaces all stored alerts.
    static void replaceAlerts(SqliteDatabase& db, const std::vector<ExternalAlert>& alerts);
    /// The stored alerts in onset order; none for a file older than schema version 3.
    static std::vector<ExternalAlert> alerts(const SqliteDatabase& db, int schemaVersion);
    static int count(const SqliteDatabase& db, int schemaVersion);
};

} // namespace meshscope

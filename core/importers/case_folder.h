#pragma once

// Investigation case folders (CASE-FORMAT.md): import and export.

#include "importer.h"

#include <QSet>

namespace meshscope::casefolder {

/// Reads signals.csv, topology.csv and case.json of `dir` into `dataset` (never
/// truth.json). case.json hints become settings `case.alarm_time`, `case.step_s`,
/// `case.alarm_entity`, `case.alarm_signal`; the folder name becomes `case.id`.
void importCase(const QString& dir, Dataset& dataset, ImportReport& report, const JobControl* job);

/// The rows of a signals.csv held in `data` (`where` names it in errors), appended to
/// `dataset`; node entities seen are added to `nodes`. Returns the time range read.
TimeRange importSignalsCsv(const QByteArray& data, const QString& where, Dataset& dataset, ImportReport& report,
    QSet<QString>& nodes, const JobControl* job = nullptr);
/// A topology.csv held in `data` as a frame whose nodes are the edges' ends plus `signalNodes`.
TopologyFrame parseTopologyCsv(const QByteArray& data, const QString& where, const QSet<QString>& signalNodes);

/// Writes a case folder: signals.csv (sorted, finite values only), topology.csv from
/// the merged topology (when there is one), case.json from the `case.*` settings and a
/// truth.json placeholder with unknown values, which the format requires.
void exportCase(const Dataset& dataset, const QString& dir, const JobControl* job);

} // namespace meshscope::casefolder

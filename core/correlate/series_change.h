#pragma once

#include "signal_evidence.h"

#include "model/job_control.h"
#include "model/series_store.h"

namespace meshscope {

/// How the ranking's own before/after statistics look at the raw samples.
struct SeriesChangeSettings
{
    qint64 baselineMs = 24 * 3600 * 1000LL; ///< how far back "normal" reaches
    qint64 afterMs = 30 * 60 * 1000LL;      ///< how far after the instant the change is looked for
    int minBaselineSamples = 4;             ///< fewer: the series has no usable normal
    /// Share of the after-window samples that must be at least as far out as the
    /// reported deviation (0 = the single most extreme sample). Makes one spike in a long
    /// window count less than a sustained shift.
    double sustainedShare = 0.1;
    double onsetMagnitude = 3.0; ///< first sample this far out marks the onset
    /// Spread of a flat normal (all samples equal), relative to the series' level (the
    /// larger of the normal median and the largest value after), so a small move of a
    /// flat series is not an infinite deviation: 0.05 caps a move off a flat zero at 50.
    double relativeSpreadFloor = 0.02;
    /// Smallest spread of any series, relative to its normal level: steadier series do
    /// not turn sub-percent moves into large deviations.
    double minimumRelativeSpread = 0.005;
    /// Deviation given to a series that has no sample before the instant but has some
    /// after it (0 = ignore such series: on the PetShop cases sparse series that only
    /// show up after an alarm made the ranking worse, so it is off by default).
    double newSeriesMagnitude = 0;
    /// Rank series of new workloads against their siblings' normal (measureNewSeries).
    bool newWorkloads = true;
    /// A new workload whose closest sibling shares at least this share of its callers
    /// and callees (Jaccard) is also compared with it at the same instants (0 = never).
    double pairedSimilarity = 0.5;
};

/// Robust before/after deviation of every series at one instant (BARO / N-sigma style):
/// median and inter-quartile spread of the samples before `atMs` against the samples
/// after it, in the direction that is bad for the signal. One SignalEvidence per series
/// that has enough samples on both sides, largest first.
SignalEvidenceList measureSeriesChanges(const SeriesStore& store, qint64 atMs, const SeriesChangeSettings& settings = {},
    const JobControl* job = nullptr);

/// The same before/after deviation for one series (`store.find(key)`); false when the
/// series is unknown or has no usable normal or no sample after `atMs`.
bool measureSeriesChange(const SeriesStore& store, SeriesId id, qint64 atMs, const SeriesChangeSettings& settings,
    SignalEvidence* out);

} // namespace meshscope

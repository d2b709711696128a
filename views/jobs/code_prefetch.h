#pragma once

namespace meshscope {

/// Reads the program's mapped files (its libraries, Qt's plugins, the fonts loaded so far)
/// into the page cache on a background thread, once per process; only the mapped ranges
/// (code and read-only data), not whole files.
///
/// Code is paged in on first use: the first time the window draws a chart, compiles a
/// regular expression or shapes a new glyph, the GUI thread may fault on a page that is
/// not in the page cache and wait for the disk. While a big recording loads, that read
/// queues behind the recording's own and the window stalls for hundreds of milliseconds
/// (seen with `perf` in `bench_gui_watchdog`: 368 ms in one `libpcre2` fault). Prefetching
/// the mapped files when the window opens turns those faults into page-cache hits.
/// Does nothing where it is not supported (non-Linux).
void prefetchMappedFiles();

} // namespace meshscope

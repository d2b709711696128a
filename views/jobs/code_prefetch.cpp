#include "code_prefetch.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>
#endif

namespace meshscope {

#ifdef Q_OS_LINUX
namespace {

/// Mappings bigger than this are data the program maps itself, not code to warm.
constexpr std::uintptr_t MaxPrefetchBytes = 256u * 1024 * 1024;

struct Mapping
{
    std::uintptr_t start = 0;
    std::uintptr_t end = 0;
};

/// The file-backed mappings of this process (/proc/self/maps): code, read-only data,
/// fonts. Device files and deleted files are left out.
std::vector<Mapping> fileMappings()
{
    std::vector<Mapping> mappings;
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        const std::size_t path = line.find(" /");
        if (path == std::string::npos || line.compare(path + 1, 5, "/dev/") == 0
            || line.find(" (deleted)", path) != std::string::npos)
            continue;
        Mapping mapping;
        if (std::sscanf(line.c_str(), "%" SCNxPTR "-%" SCNxPTR, &mapping.start, &mapping.end) == 2
            && mapping.end > mapping.start && mapping.end - mapping.start <= MaxPrefetchBytes)
            mappings.push_back(mapping);
    }
    return mappings;
}

/// Lowest CPU and I/O priority for the calling thread: the window's own reads go first.
void yieldToEverythingElse()
{
    setpriority(PRIO_PROCESS, 0, 19);
    constexpr int IoprioWhoProcess = 1;
    constexpr int IoprioClassIdle = 3;
    constexpr int IoprioClassShift = 13;
    syscall(SYS_ioprio_set, IoprioWhoProcess, 0, IoprioClassIdle << IoprioClassShift);
}

} // namespace
#endif

void prefetchMappedFiles()
{
#ifdef Q_OS_LINUX
    static std::once_flag once;
    std::call_once(once, [] {
        // A plain detached thread: Qt's pools are for work the window waits for.
        std::thread([] {
            yieldToEverythingElse();
            // Starts the reads of whatever is not in the page cache yet; returns at once
            // for what is. A mapping that went away meanwhile just fails.
            for (const Mapping& mapping : fileMappings())
                madvise(reinterpret_cast<void*>(mapping.start), mapping.end - mapping.start, MADV_WILLNEED);
        }).detach();
    });
#endif
}

} // namespace meshscope

// statfs(2), which Swift's Glibc module does not export: KPIEngine reads a file system's
// type with it (the walk of the data directory never enters /proc, /sys or /dev).
#ifdef __linux__
#include <sys/vfs.h>
#else
#include <sys/param.h>
#include <sys/mount.h>
#endif

// glibc's allocator settings (mallopt), which Swift's Glibc module does not
// export; the executable sets them before its first thread (AllocatorSetup).
#include <malloc.h>

//! Memory the app has freed, given back to the system. glibc's allocator keeps
//! what a thread frees in that thread's arena for its next allocation, so the
//! heavy work of a desk's start (refreshing the call queue, counting possible
//! duplicates, the daily backup) would leave megabytes behind that an idle desk
//! never uses again. After such work the app asks glibc to return them.

/// Returns the freed heap memory of every thread to the system (on glibc; the
/// allocators elsewhere return it themselves).
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free pages of the allocator's own arenas.
    unsafe {
        libc::malloc_trim(0);
    }
}

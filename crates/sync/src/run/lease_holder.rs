//! Who holds a sync lease: this computer, this process and a random word, as
//! `host:pid:word`. A lease left by a process of this computer that no longer
//! runs is taken over at once; one from another computer waits until it
//! lapses.

use std::hash::{BuildHasher, RandomState};

/// How long a lease lasts unless renewed (each page renews it).
pub const LEASE_TTL: chrono::Duration = chrono::Duration::minutes(2);

/// This process, as a lease names it.
pub fn this_holder() -> String {
    let word = RandomState::new().hash_one(std::process::id()) & 0xffff_ffff;
    format!("{}:{}:{word:08x}", host_name(), std::process::id())
}

/// Whether the process that holds `holder` is gone (it ran on this computer
/// and no longer does).
pub fn holder_gone(holder: &str) -> bool {
    let mut parts = holder.rsplitn(3, ':');
    let (_word, pid, host) = (parts.next(), parts.next(), parts.next());
    let (Some(pid), Some(host)) = (pid.and_then(|p| p.parse::<u32>().ok()), host) else {
        return false;
    };
    host == host_name() && pid != std::process::id() && !process_runs(pid)
}

/// This computer's name.
fn host_name() -> String {
    #[cfg(unix)]
    {
        let mut buf = [0u8; 256];
        // SAFETY: the buffer is valid for its length; gethostname writes at
        // most that many bytes.
        let done = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
        if done == 0 {
            let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            return String::from_utf8_lossy(&buf[..end]).to_string();
        }
    }
    std::env::var("COMPUTERNAME")
        .or_else(|_| std::env::var("HOSTNAME"))
        .unwrap_or_else(|_| "this-computer".to_string())
}

/// Whether a process with `pid` runs on this computer.
fn process_runs(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        // Without a cheap way to ask, the lease lapses by itself.
        let _ = pid;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_holder_is_gone_when_its_process_on_this_computer_has_ended() {
        let me = this_holder();
        assert!(!holder_gone(&me), "this process runs");
        let mut child = std::process::Command::new("true")
            .spawn()
            .expect("a process");
        let pid = child.id();
        let _ = child.wait();
        let host = me.split(':').next().unwrap_or_default();
        assert!(
            holder_gone(&format!("{host}:{pid}:00000001")),
            "the child ended"
        );
        assert!(
            !holder_gone(&format!("elsewhere:{pid}:00000001")),
            "another computer's is not judged"
        );
        assert!(!holder_gone("garbage"));
    }
}

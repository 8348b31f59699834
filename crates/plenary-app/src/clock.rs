//! Where actions get the time from: the system clock in production, a manual one in tests.

use std::sync::Mutex;

use plenary_domain::Timestamp;
use plenary_domain::time::Seconds;

/// A source of the current time.
pub trait Clock: std::fmt::Debug + Send + Sync {
    fn now(&self) -> Timestamp;
}

/// The machine's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        let micros = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_micros()).unwrap_or(i64::MAX));
        Timestamp::from_micros(micros)
    }
}

/// A clock that only moves when told to: for tests of expiry, throttling and retries.
#[derive(Debug)]
pub struct ManualClock {
    now: Mutex<Timestamp>,
}

impl ManualClock {
    pub fn new(start: Timestamp) -> ManualClock {
        ManualClock {
            now: Mutex::new(start),
        }
    }

    pub fn advance(&self, span: Seconds) {
        if let Ok(mut now) = self.now.lock() {
            *now = now.plus(span);
        }
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        self.now
            .lock()
            .map_or(Timestamp::from_micros(0), |now| *now)
    }
}

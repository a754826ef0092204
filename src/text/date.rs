//! Calendar dates from Unix time, without a date library: `brug init`
//! dates a new handbook today, `brug status --diff` dates a commit.

/// `YYYY-MM-DD` (UTC) of a Unix time in seconds.
pub fn iso(seconds: i64) -> String {
    let (y, m, d) = civil_from_days(seconds.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard
/// Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_785), (2026, 11, 28));
    }

    #[test]
    fn seconds_become_iso_dates() {
        assert_eq!(iso(0), "1970-01-01");
        assert_eq!(iso(951_782_400), "2000-02-29");
        assert_eq!(iso(1_795_996_800), "2026-11-30");
        assert_eq!(iso(-86_400), "1969-12-31");
        assert_eq!(iso(-1), "1969-12-31");
    }
}

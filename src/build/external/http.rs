//! The network side of `brug check --external`: asks each web address
//! whether it still answers, with as few requests and as little waiting as
//! that takes. HEAD first (no body travels); GET when a server refuses or
//! mishandles HEAD, as many do. Redirects are followed here, hop by hop,
//! so that a permanent move (worth updating the link) can be told from a
//! temporary one. One request at a time per host, which keeps the small
//! servers of municipalities and associations unbothered and lets each
//! connection be reused; several hosts at once.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use ureq::typestate::WithoutBody;
use ureq::{Agent, Error, RequestBuilder};

/// Redirects one address may take before it counts as dead.
const MAX_REDIRECTS: usize = 10;

/// How much the check may ask of the network.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The longest wait for one address, its redirects included.
    pub timeout: Duration,
    /// How many hosts are asked at the same time.
    pub workers: usize,
}

/// What asking an address came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "lowercase")]
pub enum Outcome {
    /// It answers with a page, perhaps after temporary redirects.
    Live,
    /// It answers after a permanent redirect; `to` is its new address.
    Moved { to: String },
    /// It gives no page; `reason` ends "the external link URL …".
    Dead { reason: String },
    /// It answered without saying whether the page exists (a server that
    /// limits requests); `reason` ends "the external link URL …".
    Unsure { reason: String },
}

/// Asks every address of `urls` (without `#fragment`); the outcomes come
/// in the same order.
pub fn check_all(urls: &[String], limits: Limits) -> Vec<Outcome> {
    let agent = agent(limits.timeout);
    let hosts = by_host(urls);
    let next = AtomicUsize::new(0);
    let workers = limits.workers.clamp(1, hosts.len().max(1));
    let mut outcomes: Vec<Option<Outcome>> = vec![None; urls.len()];
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    // Each worker takes a whole host, so no host sees two
                    // requests at once.
                    while let Some(group) = hosts.get(next.fetch_add(1, Ordering::Relaxed)) {
                        for &i in group {
                            done.push((i, check(&agent, &urls[i], limits.timeout)));
                        }
                    }
                    done
                })
            })
            .collect();
        for handle in handles {
            for (i, outcome) in handle.join().unwrap_or_default() {
                outcomes[i] = Some(outcome);
            }
        }
    });
    let lost = || Outcome::Unsure {
        reason: "was not checked: the check stopped unexpectedly".into(),
    };
    outcomes
        .into_iter()
        .map(|o| o.unwrap_or_else(lost))
        .collect()
}

/// The client: every status is an answer (not an error), redirects are
/// followed by `check`, and brug says who is asking.
fn agent(timeout: Duration) -> Agent {
    Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(timeout))
        .user_agent(concat!("brug/", env!("CARGO_PKG_VERSION"), " (link check)"))
        .build()
        .new_agent()
}

/// Indexes of `urls` grouped by host (with port), the largest group
/// first so that the longest queue starts first.
fn by_host(urls: &[String]) -> Vec<Vec<usize>> {
    let mut hosts: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, url) in urls.iter().enumerate() {
        hosts.entry(host_of(url)).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = hosts.into_values().collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    groups
}

/// `host:port` of a web address, lowercase.
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    rest[..end].to_ascii_lowercase()
}

/// One answer to one request.
enum Answer {
    Redirect { status: u16, to: String },
    Status(u16),
}

/// Asks `url` until it answers or the time is up, following redirects.
fn check(agent: &Agent, url: &str, timeout: Duration) -> Outcome {
    let deadline = Instant::now() + timeout;
    let first = encode(url);
    let mut at = first.clone();
    let mut moved = None;
    let mut permanent = true;
    for _ in 0..=MAX_REDIRECTS {
        let status = match ask(agent, &at, deadline) {
            Ok(Answer::Redirect { status, to }) => {
                let next = join(&at, &to);
                // Only an unbroken chain of permanent moves names a new
                // address worth linking to.
                permanent &= matches!(status, 301 | 308);
                if permanent {
                    moved = Some(next.clone());
                }
                at = next;
                continue;
            }
            Ok(Answer::Status(status)) => status,
            Err(e) => {
                let reason = via(&first, &at, describe(&e, timeout));
                return Outcome::Dead { reason };
            }
        };
        let reason = via(&first, &at, format!("answers {}", status_text(status)));
        return match status {
            429 => Outcome::Unsure {
                reason: format!(
                    "{reason}: the server limits requests and says nothing of the page"
                ),
            },
            400.. => Outcome::Dead { reason },
            _ => match moved {
                Some(to) => Outcome::Moved { to },
                None => Outcome::Live,
            },
        };
    }
    Outcome::Dead {
        reason: format!("redirects more than {MAX_REDIRECTS} times"),
    }
}

/// HEAD, then GET when HEAD is refused (405, 403, 501 …) or breaks the
/// connection.
fn ask(agent: &Agent, url: &str, deadline: Instant) -> Result<Answer, Error> {
    match send(agent.head(url), deadline) {
        Ok(Answer::Status(400..)) => {}
        Err(e) if !worth_a_get(&e) => return Err(e),
        Err(_) => {}
        Ok(answer) => return Ok(answer),
    }
    send(agent.get(url), deadline)
}

/// Sends one request with the time left; the body is never read.
fn send(request: RequestBuilder<WithoutBody>, deadline: Instant) -> Result<Answer, Error> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err(Error::Timeout(ureq::Timeout::Global));
    }
    let response = request.config().timeout_global(Some(left)).build().call()?;
    let status = response.status();
    let location = response.headers().get("location");
    let location = location.and_then(|l| l.to_str().ok());
    Ok(match (status.is_redirection(), location) {
        (true, Some(to)) => Answer::Redirect {
            status: status.as_u16(),
            to: to.to_string(),
        },
        _ => Answer::Status(status.as_u16()),
    })
}

/// Failures after which a server may still answer a GET: some close the
/// connection or send nonsense on HEAD.
fn worth_a_get(e: &Error) -> bool {
    use std::io::ErrorKind::*;
    match e {
        Error::Protocol(_) => true,
        Error::Io(io) => matches!(
            io.kind(),
            ConnectionReset | ConnectionAborted | UnexpectedEof | BrokenPipe
        ),
        _ => false,
    }
}

/// What a failed request says about the address, after "the external
/// link URL …".
fn describe(e: &Error, timeout: Duration) -> String {
    match e {
        Error::Timeout(_) => format!("does not answer within {}", seconds(timeout)),
        Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            "refuses the connection".into()
        }
        Error::HostNotFound => "names a host that does not exist".into(),
        Error::BadUri(_) | Error::Http(_) => format!("is not a valid web address ({e})"),
        _ => format!("cannot be reached ({e})"),
    }
}

fn seconds(d: Duration) -> String {
    match d.subsec_millis() {
        0 => format!("{} s", d.as_secs()),
        _ => format!("{:.1} s", d.as_secs_f64()),
    }
}

/// `404 Not Found`.
fn status_text(code: u16) -> String {
    let reason = ureq::http::StatusCode::from_u16(code)
        .ok()
        .and_then(|s| s.canonical_reason());
    match reason {
        Some(r) => format!("{code} {r}"),
        None => code.to_string(),
    }
}

/// `what` about the address reached, saying where it was redirected to.
fn via(first: &str, at: &str, what: String) -> String {
    match first == at {
        true => what,
        false => format!("redirects to {at}, which {what}"),
    }
}

/// The address a `Location` header names, seen from `base`.
fn join(base: &str, location: &str) -> String {
    let location = location.trim();
    let location = location.split('#').next().unwrap_or_default();
    let has_scheme = location
        .split_once("://")
        .is_some_and(|(s, _)| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic()));
    if has_scheme {
        return encode(location);
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("https", base));
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let path = path.split('?').next().unwrap_or_default();
    let joined = if let Some(other) = location.strip_prefix("//") {
        format!("{scheme}://{other}")
    } else if location.starts_with('/') {
        format!("{scheme}://{authority}{location}")
    } else if location.starts_with('?') || location.is_empty() {
        format!("{scheme}://{authority}{path}{location}")
    } else {
        let dir = path.rfind('/').map_or("/", |i| &path[..=i]);
        format!("{scheme}://{authority}{dir}{location}")
    };
    encode(&joined)
}

/// Percent-encodes what may not stand in a request line (spaces,
/// non-ASCII letters): editors write addresses as browsers show them.
fn encode(url: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if b.is_ascii_graphic() && !b"\"<>\\^`{|}".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_location_is_joined_to_the_address_it_came_from() {
        let base = "https://example.org/a/b?q=1";
        assert_eq!(join(base, "https://other.org/x"), "https://other.org/x");
        assert_eq!(join(base, "//other.org/x"), "https://other.org/x");
        assert_eq!(join(base, "/c"), "https://example.org/c");
        assert_eq!(join(base, "c#top"), "https://example.org/a/c");
        assert_eq!(join(base, "?p=2"), "https://example.org/a/b?p=2");
        assert_eq!(join("http://h:8080", "x"), "http://h:8080/x");
        assert_eq!(join(base, "/ü ber"), "https://example.org/%C3%BC%20ber");
    }

    #[test]
    fn addresses_are_encoded_as_a_request_needs_them() {
        assert_eq!(
            encode("https://de.wikipedia.org/wiki/Münster_(Westf.)"),
            "https://de.wikipedia.org/wiki/M%C3%BCnster_(Westf.)"
        );
        assert_eq!(encode("https://a.org/x%20y"), "https://a.org/x%20y");
    }

    #[test]
    fn addresses_are_grouped_by_host_largest_group_first() {
        let urls: Vec<String> = [
            "https://a.org/1",
            "https://B.org:8080/1",
            "https://b.org:8080/2?x",
            "http://c.org",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(host_of(&urls[1]), "b.org:8080");
        assert_eq!(by_host(&urls), [vec![1, 2], vec![0], vec![3]]);
    }

    #[test]
    fn answers_read_as_sentences() {
        assert_eq!(status_text(404), "404 Not Found");
        assert_eq!(status_text(599), "599");
        assert_eq!(seconds(Duration::from_secs(10)), "10 s");
        assert_eq!(seconds(Duration::from_millis(1500)), "1.5 s");
        let text = via(
            "https://a.org/x",
            "https://a.org/y",
            "answers 410 Gone".into(),
        );
        assert_eq!(text, "redirects to https://a.org/y, which answers 410 Gone");
    }

    #[test]
    fn outcomes_are_stored_with_a_tag() {
        let moved = Outcome::Moved {
            to: "https://a.org/".into(),
        };
        let json = serde_json::to_string(&moved).unwrap();
        assert_eq!(json, r#"{"result":"moved","to":"https://a.org/"}"#);
        assert_eq!(serde_json::from_str::<Outcome>(&json).unwrap(), moved);
    }
}

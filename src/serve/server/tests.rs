use super::*;
use std::io::Read;

/// A server that answers `GET /x` with "x", `/slow` after 200 ms, and
/// `/events` with a stream of two events.
fn start() -> u16 {
    let handler: Arc<Handler> = Arc::new(|request: &Request| match request.url.as_str() {
        "/events" => Reply::Stream(Box::new(|out: &mut TcpStream| {
            let _ = out.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\none\n");
            let _ = out.write_all(b"two\n");
        })),
        "/slow" => {
            std::thread::sleep(Duration::from_millis(200));
            Reply::Whole(Response::new(200, b"slow".to_vec()))
        }
        url => Reply::Whole(
            Response::new(200, url.trim_start_matches('/').as_bytes().to_vec())
                .with_header("X-Method", &request.method),
        ),
    });
    Server::bind("127.0.0.1:0").unwrap().spawn(handler)
}

fn connect(port: u16) -> TcpStream {
    let s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s
}

/// Reads one response whose body is `Content-Length` long.
fn response(s: &mut TcpStream) -> String {
    let mut got = Vec::new();
    let mut byte = [0u8; 1];
    while !got.ends_with(b"\r\n\r\n") {
        match s.read(&mut byte) {
            Ok(1) => got.push(byte[0]),
            _ => return String::from_utf8_lossy(&got).into_owned(),
        }
    }
    let head = String::from_utf8_lossy(&got).into_owned();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .map_or(0, |n| n.trim().parse().unwrap());
    let mut body = vec![0u8; length];
    s.read_exact(&mut body).unwrap();
    head + &String::from_utf8_lossy(&body)
}

/// Everything the server sends until it closes the connection.
fn until_closed(s: &mut TcpStream) -> String {
    let mut all = Vec::new();
    let _ = s.read_to_end(&mut all);
    String::from_utf8_lossy(&all).into_owned()
}

#[test]
fn a_burst_of_keep_alive_connections_is_answered() {
    // A browser opens up to six connections at once and keeps them open.
    let port = start();
    for round in 0..20 {
        let mut open: Vec<TcpStream> = (0..8).map(|_| connect(port)).collect();
        for (i, s) in open.iter_mut().enumerate() {
            write!(
                s,
                "GET /r{round}c{i} HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n"
            )
            .unwrap();
        }
        for (i, s) in open.iter_mut().enumerate() {
            let answer = response(s);
            assert!(
                answer.ends_with(&format!("r{round}c{i}")),
                "round {round}, connection {i}: {answer:?}"
            );
            assert!(answer.contains("Connection: keep-alive"), "{answer}");
        }
        // And each connection carries a second request.
        for s in &mut open {
            s.write_all(b"GET /again HTTP/1.1\r\nHost: x\r\n\r\n")
                .unwrap();
            assert!(response(s).ends_with("again"));
        }
    }
}

#[test]
fn a_slow_answer_holds_up_no_other_connection() {
    let port = start();
    let mut slow = connect(port);
    slow.write_all(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let started = std::time::Instant::now();
    let mut quick = connect(port);
    quick
        .write_all(b"GET /quick HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    assert!(response(&mut quick).ends_with("quick"));
    assert!(started.elapsed() < Duration::from_millis(200));
    assert!(response(&mut slow).ends_with("slow"));
}

#[test]
fn head_gets_the_length_but_no_body() {
    let port = start();
    let mut s = connect(port);
    s.write_all(b"HEAD /abc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let answer = until_closed(&mut s);
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    assert!(answer.contains("Content-Length: 3\r\n") && answer.contains("X-Method: HEAD"));
    assert!(answer.ends_with("\r\n\r\n"), "no body: {answer:?}");
}

#[test]
fn close_and_http10_end_the_connection() {
    let port = start();
    for request in [
        "GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /a HTTP/1.0\r\n\r\n",
        // A body is not read, so nothing can follow it on the connection.
        "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc",
    ] {
        let mut s = connect(port);
        s.write_all(request.as_bytes()).unwrap();
        let answer = until_closed(&mut s);
        assert!(
            answer.contains("Connection: close\r\n") && answer.ends_with("\r\n\r\na"),
            "{request:?}: {answer:?}"
        );
    }
    let mut s = connect(port);
    s.write_all(b"GET /kept HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        .unwrap();
    assert!(response(&mut s).contains("Connection: keep-alive"));
}

#[test]
fn bad_heads_are_refused_and_closed() {
    let port = start();
    let long = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(HEAD_MAX));
    let many = format!(
        "GET / HTTP/1.1\r\n{}\r\n",
        "X: y\r\n".repeat(HEADERS_MAX + 1)
    );
    for (request, status) in [
        ("nonsense\r\n\r\n".to_string(), "400 Bad Request"),
        ("GET / HTTP/9.9\r\n\r\n".to_string(), "400 Bad Request"),
        (long, "431 Request Header Fields Too Large"),
        (many, "431 Request Header Fields Too Large"),
    ] {
        let mut s = connect(port);
        let _ = s.write_all(request.as_bytes());
        let answer = until_closed(&mut s);
        assert!(
            answer.starts_with(&format!("HTTP/1.1 {status}\r\n")),
            "{answer:?}"
        );
        assert!(answer.contains("Connection: close"));
    }
}

#[test]
fn empty_lines_before_a_request_and_a_client_that_goes_away() {
    let port = start();
    let mut s = connect(port);
    s.write_all(b"\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    assert!(response(&mut s).ends_with("b"));
    // Half a request, then gone: the server's thread ends, others go on.
    s.write_all(b"GET /c HT").unwrap();
    drop(s);
    let mut next = connect(port);
    next.write_all(b"GET /d HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    assert!(response(&mut next).ends_with("d"));
}

#[test]
fn a_stream_takes_over_the_connection() {
    let port = start();
    let mut s = connect(port);
    s.write_all(b"GET /events HTTP/1.1\r\nHost: x\r\n\r\nGET /after HTTP/1.1\r\n\r\n")
        .unwrap();
    let all = until_closed(&mut s);
    assert_eq!(
        all,
        "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\none\ntwo\n"
    );
}

//! An in-process SMTP server for tests: speaks enough SMTP (EHLO/HELO, MAIL, RCPT,
//! DATA, RSET, NOOP, QUIT) for lettre and keeps every message it receives.
//!
//! It listens on a loopback port chosen by the OS; `SmtpSink::url()` gives the
//! `smtp://` URL to configure the mailer with.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// One message as the sink received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedMail {
    pub from: String,
    pub to: Vec<String>,
    /// The raw message (headers and body) as sent in DATA, dot-unstuffed.
    pub data: String,
}

impl ReceivedMail {
    /// The body after the headers, decoded if it was sent quoted-printable (as mail
    /// clients show it: soft line breaks joined, `=XX` escapes decoded).
    pub fn body_text(&self) -> String {
        let (headers, body) = self
            .data
            .split_once("\r\n\r\n")
            .or_else(|| self.data.split_once("\n\n"))
            .unwrap_or(("", self.data.as_str()));
        if !headers
            .to_ascii_lowercase()
            .contains("content-transfer-encoding: quoted-printable")
        {
            return body.to_owned();
        }
        let joined = body.replace("=\r\n", "").replace("=\n", "");
        let bytes = joined.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut idx = 0;
        while idx < bytes.len() {
            let hex = bytes
                .get(idx + 1..idx + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            match (bytes[idx], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
                (b'=', Some(byte)) => {
                    out.push(byte);
                    idx += 3;
                }
                (byte, _) => {
                    out.push(byte);
                    idx += 1;
                }
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }
}

/// A running SMTP sink; it stops when dropped.
#[derive(Debug)]
pub struct SmtpSink {
    port: u16,
    received: Arc<Mutex<Vec<ReceivedMail>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind SMTP sink");
        let port = listener.local_addr().expect("sink address").port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let store = Arc::clone(&received);
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let store = Arc::clone(&store);
                tokio::spawn(async move {
                    let _ = serve(stream, store).await;
                });
            }
        });
        SmtpSink {
            port,
            received,
            task,
        }
    }

    /// `smtp://127.0.0.1:PORT` (plain SMTP, no TLS: loopback only).
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn messages(&self) -> Vec<ReceivedMail> {
        self.received.lock().map(|m| m.clone()).unwrap_or_default()
    }
}

async fn serve(stream: TcpStream, store: Arc<Mutex<Vec<ReceivedMail>>>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 plenary-test-sink ESMTP\r\n").await?;
    let mut from = String::new();
    let mut to = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_owned();
        let upper = command.to_ascii_uppercase();
        if upper.starts_with("EHLO") {
            write
                .write_all(b"250-plenary-test-sink\r\n250 8BITMIME\r\n")
                .await?;
        } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
            write.write_all(b"250 OK\r\n").await?;
        } else if upper.starts_with("MAIL FROM:") {
            from = address(&command["MAIL FROM:".len()..]);
            to.clear();
            write.write_all(b"250 OK\r\n").await?;
        } else if upper.starts_with("RCPT TO:") {
            to.push(address(&command["RCPT TO:".len()..]));
            write.write_all(b"250 OK\r\n").await?;
        } else if upper == "DATA" {
            write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
            let mut data = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                let unstuffed = line.strip_prefix('.').unwrap_or(&line);
                data.push_str(unstuffed);
            }
            if let Ok(mut all) = store.lock() {
                all.push(ReceivedMail {
                    from: from.clone(),
                    to: std::mem::take(&mut to),
                    data,
                });
            }
            write.write_all(b"250 OK queued\r\n").await?;
        } else if upper == "RSET" {
            to.clear();
            write.write_all(b"250 OK\r\n").await?;
        } else if upper == "QUIT" {
            write.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else {
            write.write_all(b"502 not implemented\r\n").await?;
        }
    }
}

fn address(raw: &str) -> String {
    let trimmed = raw.trim();
    let inner = trimmed
        .split_once('<')
        .and_then(|(_, rest)| rest.split_once('>'))
        .map_or(trimmed, |(addr, _)| addr);
    inner.to_owned()
}

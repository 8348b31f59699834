//! Sending mail: SMTP in production and tests (tests run a real SMTP sink), or .eml
//! files in a folder for a laptop without a mail server.
//!
//! Mail is never sent inside a request: actions enqueue a `send_mail` job
//! (`jobs::enqueue_mail`) and the worker calls `Mailer::send`.

use lettre::message::header::ContentType;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};

/// One message to send (also the `send_mail` job's payload).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// How mail leaves the platform.
#[derive(Clone)]
pub enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: String,
    },
    Files {
        transport: AsyncFileTransport<Tokio1Executor>,
        folder: std::path::PathBuf,
        from: String,
    },
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mailer::Smtp { from, .. } => write!(f, "Mailer::Smtp(from {from})"),
            Mailer::Files { folder, .. } => write!(f, "Mailer::Files({})", folder.display()),
        }
    }
}

impl Mailer {
    /// `smtp://host:port` (plain, for a local relay), `smtp://host?tls=required`,
    /// `smtps://user:pass@host` (TLS), as lettre reads them; or `file:///path/to/folder`.
    pub fn from_url(url: &str, from: &str) -> anyhow::Result<Mailer> {
        if let Some(folder) = url.strip_prefix("file://") {
            std::fs::create_dir_all(folder)
                .map_err(|e| anyhow::anyhow!("cannot create the mail folder {folder}: {e}"))?;
            return Ok(Mailer::Files {
                transport: AsyncFileTransport::new(folder),
                folder: folder.into(),
                from: from.to_owned(),
            });
        }
        if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
            anyhow::bail!(
                "unsupported mail URL {url:?}: use smtp://HOST:PORT, smtps://USER:PASS@HOST or file:///FOLDER"
            );
        }
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| anyhow::anyhow!("bad mail URL: {e}"))?
            .build();
        Ok(Mailer::Smtp {
            transport,
            from: from.to_owned(),
        })
    }

    /// Sends one message now. Errors are returned for the job worker to retry.
    pub async fn send(&self, mail: &OutgoingMail) -> anyhow::Result<()> {
        let from = match self {
            Mailer::Smtp { from, .. } | Mailer::Files { from, .. } => from,
        };
        let message = Message::builder()
            .from(
                from.parse()
                    .map_err(|e| anyhow::anyhow!("bad sender address {from:?}: {e}"))?,
            )
            .to(mail
                .to
                .parse()
                .map_err(|e| anyhow::anyhow!("bad recipient {:?}: {e}", mail.to))?)
            .subject(mail.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| anyhow::anyhow!("building the message: {e}"))?;
        match self {
            Mailer::Smtp { transport, .. } => {
                transport
                    .send(message)
                    .await
                    .map_err(|e| anyhow::anyhow!("SMTP: {e}"))?;
            }
            Mailer::Files { transport, .. } => {
                transport
                    .send(message)
                    .await
                    .map_err(|e| anyhow::anyhow!("writing mail file: {e}"))?;
            }
        }
        Ok(())
    }
}

import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export interface ReceivedMail {
  at: number;
  raw: string;
  parsed: ParsedMail;
  messageId: string | undefined;
  to: string[];
}

/** What to answer to the next DATA: `null` accepts, a code refuses (4xx transient, 5xx permanent). */
export type SmtpDecision = null | { code: number; message: string };

/**
 * A real SMTP server on loopback for tests: every message is parsed and kept with its
 * arrival time; `decide` can refuse messages (e.g. 421 twice, then accept).
 */
export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  decide: (session: SMTPServerSession, count: number) => SmtpDecision = () => null;
  /** Slows every DATA answer, to catch a worker in the middle of a batch. */
  delayMs = 0;
  private server: SMTPServer | null = null;
  /** Connection errors seen (a peer that died resets its socket); kept for a test to look at. */
  readonly connectionErrors: Error[] = [];
  /** Messages whose DATA arrived whole (answered or not yet): a send has started. */
  attempts = 0;
  private port = 0;

  /** Forgets what was received and accepts everything again. */
  reset(): void {
    this.received.length = 0;
    this.attempts = 0;
    this.delayMs = 0;
    this.decide = () => null;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}?ignoreTLS=true`;
  }

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          void (async () => {
            this.attempts += 1;
            if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
            const decision = this.decide(session, this.attempts);
            if (decision) {
              const error = new Error(decision.message) as Error & { responseCode: number };
              error.responseCode = decision.code;
              callback(error);
              return;
            }
            const raw = Buffer.concat(chunks).toString("utf8");
            const parsed = await simpleParser(raw);
            this.received.push({
              at: Date.now(),
              raw,
              parsed,
              messageId: parsed.messageId,
              to: session.envelope.rcptTo.map((r) => r.address),
            });
            callback();
          })();
        });
      },
    });
    // A client killed mid-session (the fault tests SIGKILL workers) resets its socket: the
    // server emits that as an error, which would otherwise be thrown out of the test run.
    this.server.on("error", (error: Error) => this.connectionErrors.push(error));
    await new Promise<void>((resolve) => this.server?.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  async waitFor(count: number, timeoutMs = 20_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline)
        throw new Error(`SMTP : ${this.received.length}/${count} messages après ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.received;
  }
}

import { Transform } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCompletionGate } from "../../jobs/mail/create-completion-gate.ts";
import { createTransport } from "../../jobs/mail/create-transport.ts";
import { SmtpTestServer } from "../support/smtp-test-server.ts";
import { testConfig } from "../support/test-config.ts";

/**
 * The completion gate on a real SMTP exchange: with one place, a message's final dot
 * waits until the previous accepted message is recorded, and a message whose row can
 * no longer be trusted is cut before the server can accept it.
 */
let smtp: SmtpTestServer;

beforeAll(async () => {
  smtp = await new SmtpTestServer().start();
});
afterAll(async () => {
  await smtp?.stop();
});

const turns = async (count: number) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** The worker's own pooled transport, one connection. */
const pooledTransport = () => createTransport(testConfig({ SMTP_MAX_CONNECTIONS: "1" }), smtp.url);

const mail = (n: number) => ({
  from: "bpc40@landes.example.org",
  to: `porteur${n}@example.org`,
  subject: `Message ${n}`,
  text: "Bonjour",
  messageId: `<gate-${n}@bpc40.local>`,
});

describe("createCompletionGate", () => {
  it("ends a message only once the previous accepted one is recorded", async () => {
    smtp.reset();
    const transport = pooledTransport();
    // Registered first, so its end comes before the gate's: message 2 is fully written then.
    const written = new Map<string, () => void>();
    transport.use("stream", (m, callback) => {
      const signal = written.get(String(m.data.messageId));
      const flush = (cb: () => void) => {
        signal?.();
        cb();
      };
      if (signal) m.message.transform(() => new Transform({ transform: (c, _e, cb) => cb(null, c), flush }));
      callback();
    });
    const gate = createCompletionGate(transport, 1);
    const first = gate.expect(mail(1).messageId, () => true);
    await transport.sendMail(mail(1));

    let firstRecorded = false;
    let recordedWhenAdmitted: boolean | null = null;
    const second = gate.expect(mail(2).messageId, () => {
      recordedWhenAdmitted = firstRecorded;
      return true;
    });
    const fullyWritten = new Promise<void>((resolve) => written.set(mail(2).messageId, resolve));
    const sending = transport.sendMail(mail(2));
    await fullyWritten;
    await turns(5);
    firstRecorded = true;
    first.done();
    await sending;
    second.done();
    expect(recordedWhenAdmitted).toBe(true);
    expect(smtp.received.map((m) => m.messageId)).toEqual([mail(1).messageId, mail(2).messageId]);
    transport.close();
  });

  it("cuts a message whose row can no longer be trusted; the server never gets it", async () => {
    smtp.reset();
    const transport = pooledTransport();
    const gate = createCompletionGate(transport, 1);
    const stale = gate.expect(mail(3).messageId, () => false);
    await expect(transport.sendMail(mail(3))).rejects.toThrow();
    stale.done();
    const fresh = gate.expect(mail(4).messageId, () => true);
    await transport.sendMail(mail(4));
    fresh.done();
    expect(smtp.received.map((m) => m.messageId)).toEqual([mail(4).messageId]);
    transport.close();
  });
});

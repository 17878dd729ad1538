import { Queue, Worker } from "bullmq";
import nodemailer from "nodemailer";
import type { Config } from "../../domain/config/load-config.ts";
import { createRedis } from "../../jobs/create-redis.ts";
import { renderNotification } from "../../jobs/mail/render-notification.ts";
import { notificationMessageId } from "../../jobs/processors/send-email.ts";

/** The payload of the pipeline's rows (row 1's), which `email-pipeline.ts` inserts in SQL. */
const PAYMENT = {
  holderName: "Porteur 1",
  projectReference: "2022-017",
  projectTitle: "Skatepark de Grenade-sur-l'Adour",
  kind: "ADVANCE",
  amountCents: 1_400_001,
  sentAt: "2026-11-27",
  remainingCents: 1_400_000,
};

/** A throughput, and this process's CPU time per item (steadier than throughput on a busy machine). */
export interface Measure {
  perSecond: number;
  cpuMsPerItem: number;
}

/** Starts a stopwatch and a CPU meter; `stop(count)` gives the measure for `count` items. */
export function startMeasure(): (count: number) => Measure {
  const start = performance.now();
  const cpu = process.cpuUsage();
  return (count) => {
    const used = process.cpuUsage(cpu);
    return {
      perSecond: (count / (performance.now() - start)) * 1000,
      cpuMsPerItem: (used.user + used.system) / 1000 / count,
    };
  };
}

/** Polls `done` every `everyMs`; returns the milliseconds it took. */
export async function timeUntil(everyMs: number, done: () => boolean | Promise<boolean>): Promise<number> {
  const start = performance.now();
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, everyMs));
  return performance.now() - start;
}

/**
 * Floor 1: nodemailer's pooled transport alone, `connections` messages in flight. It
 * sends the very message the pipeline sends (the same template rendered once: HTML and
 * text parts, headers, a Message-ID per message), so only the pipeline's own work differs.
 */
export async function nodemailerFloor(
  config: Config,
  sink: { port: number; count: () => number },
  count: number,
  connections: number,
): Promise<Measure> {
  const message = renderNotification(
    { template: "payment-sent", payload: PAYMENT },
    { unsubscribeUrl: "https://bpc40.example.org/unsubscribe" },
  );
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: connections,
    maxMessages: 100,
    host: "127.0.0.1",
    port: sink.port,
    ignoreTLS: true,
  });
  const before = sink.count();
  let next = 0;
  const stop = startMeasure();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < count) {
        const i = next++;
        await transport.sendMail({
          from: config.SMTP_FROM,
          to: { name: `Porteur ${i}`, address: `porteur${i}@example.org` },
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: notificationMessageId(config, i),
          headers: message.headers,
        });
      }
    }),
  );
  const measure = stop(count);
  transport.close();
  if (sink.count() - before !== count) throw new Error("plancher nodemailer : messages manquants");
  return measure;
}

/** Floor 2: a BullMQ worker that does nothing, same concurrency, same Redis. */
export async function bullmqFloor(
  redisUrl: string,
  prefix: string,
  count: number,
  concurrency: number,
): Promise<Measure> {
  const connection = createRedis(redisUrl, { blocking: true });
  const queue = new Queue("noop", { connection, prefix });
  for (let i = 0; i < count; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, count - i) }, (_, j) => ({
        name: "noop",
        data: { id: i + j },
        opts: { removeOnComplete: true },
      })),
    );
  }
  let done = 0;
  const stop = startMeasure();
  const worker = new Worker("noop", async () => {}, { connection, prefix, concurrency });
  worker.on("completed", () => {
    done += 1;
  });
  await timeUntil(20, () => done >= count);
  const measure = stop(count);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await connection.quit();
  return measure;
}

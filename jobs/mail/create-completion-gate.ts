import { Transform, type TransformCallback } from "node:stream";
import type { Transporter } from "nodemailer";
import { createSendSlots, type ReleaseSlot } from "./create-send-slots.ts";

/** One message going through the gate; `done` once its outcome is recorded (or it failed). */
export interface GateTicket {
  done(): void;
}

export interface CompletionGate {
  /**
   * Registers the message with this Message-ID before `sendMail`. Its last bytes wait for
   * a place; `stillValid` is asked then, and false aborts the message before the server
   * can accept it (the connection is dropped mid-DATA, so nothing is delivered).
   */
  expect(messageId: string, stillValid: () => boolean): GateTicket;
}

interface Ticket {
  stillValid: () => boolean;
  release: ReleaseSlot | null;
  finished: boolean;
}

/**
 * Bounds the e-mails that the SMTP server may have accepted but that are not yet
 * recorded SENT to `size`: those are the ones a killed worker sends twice. The bound
 * sits on the end of each message (the final dot of DATA), not on the whole send, so a
 * connection transmits the next message while the previous one's SENT update is in
 * flight, and only waits if that update is slower than a whole SMTP exchange.
 */
export function createCompletionGate(transport: Transporter, size: number): CompletionGate {
  const places = createSendSlots(size);
  const tickets = new Map<string, Ticket>();
  const admit = async (ticket: Ticket): Promise<boolean> => {
    if (!ticket.release) {
      const release = await places.acquire();
      if (ticket.finished) {
        release();
        return false;
      }
      ticket.release = release;
    }
    return ticket.stillValid();
  };
  transport.use("stream", (mail, callback) => {
    const ticket = tickets.get(String(mail.data.messageId));
    if (ticket) mail.message.transform(() => holdEnd(() => admit(ticket)));
    callback();
  });
  return {
    expect(messageId, stillValid) {
      const ticket: Ticket = { stillValid, release: null, finished: false };
      tickets.set(messageId, ticket);
      return {
        done() {
          ticket.finished = true;
          ticket.release?.();
          if (tickets.get(messageId) === ticket) tickets.delete(messageId);
        },
      };
    },
  };
}

/**
 * Above this many bytes a held message is passed on without waiting for its end, so a
 * large attachment is not kept whole in memory.
 */
const HOLD_BYTES = 256 * 1024;

/**
 * Passes a message through and ends it only once `admit` agrees (an error otherwise).
 * The message's pieces (headers, boundaries, encoded lines) are joined into one chunk
 * when its input ends, before `admit` is asked: the SMTP connection then escapes and
 * writes the message in one go instead of a socket write per piece (most of the CPU an
 * e-mail cost the worker), and still transmits it while the previous SENT update runs.
 */
function holdEnd(admit: () => Promise<boolean>): Transform {
  let held: Buffer[] = [];
  let size = 0;
  const pass = (stream: Transform) => {
    if (held.length > 0) stream.push(held.length === 1 ? held[0] : Buffer.concat(held, size));
    held = [];
    size = 0;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      held.push(chunk);
      size += chunk.length;
      if (size >= HOLD_BYTES) pass(this);
      callback();
    },
    flush(callback: TransformCallback) {
      pass(this);
      admit().then(
        (ok) => callback(ok ? null : new Error("envoi interrompu : la base n'a pas enregistré l'envoi précédent")),
        (error: Error) => callback(error),
      );
    },
  });
}

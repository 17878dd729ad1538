import { clearLine, createInterface, cursorTo, type Interface } from "node:readline";

export interface LineReaderOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A person at a terminal (prompts, pre-filled answers) rather than piped lines. */
  interactive: boolean;
}

/**
 * Reads one line at a time, from a person or from a pipe. Lines that arrive while the
 * bot is still answering wait their turn, so `printf '…' | npm run chat` is read line
 * by line after each reply. Piped lines are echoed after their prompt, so the output
 * reads as a conversation. Ctrl+C and Ctrl+D end the input.
 */
export class LineReader {
  private readonly rl: Interface;
  private readonly queue: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private closed = false;

  constructor(private readonly options: LineReaderOptions) {
    this.rl = createInterface({ input: options.input, output: options.output, terminal: options.interactive });
    this.rl.on("line", (line) => {
      const waiting = this.waiting;
      this.waiting = null;
      if (waiting) waiting(line);
      else this.queue.push(line);
    });
    this.rl.on("close", () => {
      this.closed = true;
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.(null);
    });
    this.rl.on("SIGINT", () => this.rl.close());
  }

  /** The next line, or null once the input is over. `prefill` is typed in for the person to edit. */
  read(prompt: string, prefill = ""): Promise<string | null> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(this.echo(prompt, queued));
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiting = (line) => resolve(line === null ? null : this.echo(prompt, line));
      if (this.options.interactive) {
        this.rl.setPrompt(prompt);
        this.rl.prompt();
        if (prefill) this.rl.write(prefill);
      }
    });
  }

  /** Prints lines; at a terminal, above the prompt the person is typing at. */
  print(lines: string[]): void {
    const { output, interactive } = this.options;
    const prompting = interactive && this.waiting !== null;
    if (prompting) {
      clearLine(output, 0);
      cursorTo(output, 0);
    }
    output.write(`${lines.join("\n")}\n`);
    if (prompting) this.rl.prompt(true);
  }

  close(): void {
    this.rl.close();
  }

  private echo(prompt: string, line: string): string {
    if (!this.options.interactive) this.options.output.write(`${prompt}${line}\n`);
    return line;
  }
}

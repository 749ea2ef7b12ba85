// A minimal Language Server Protocol client over stdio (JSON-RPC with Content-Length framing),
// enough to drive yaml-language-server the way an editor does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export interface Diagnostic {
  message: string;
  severity?: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface CompletionItem {
  label: string;
  documentation?: string | { kind: string; value: string };
  detail?: string;
}

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly diagnostics = new Map<string, { version?: number; items: Diagnostic[] }>();
  private readonly waiters: (() => void)[] = [];
  private stderr = '';

  constructor(command: string, args: string[], cwd: string) {
    this.child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(
        /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1],
      );
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.handle(JSON.parse(body) as Message);
    }
  }

  private handle(message: Message): void {
    if (message.id !== undefined && message.method === undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const params = message.params as { uri: string; version?: number; diagnostics: Diagnostic[] };
      this.diagnostics.set(params.uri, { version: params.version, items: params.diagnostics });
      for (const wake of this.waiters.splice(0)) wake();
      return;
    }
    if (message.id !== undefined) {
      // a request from the server (workspace/configuration, client/registerCapability, …)
      const result =
        message.method === 'workspace/configuration'
          ? ((message.params as { items: unknown[] }).items ?? []).map(() => null)
          : null;
      this.send({ jsonrpc: '2.0', id: message.id, result });
    }
  }

  private send(message: object): void {
    const body = JSON.stringify(message);
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, (m) =>
        m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result as T),
      );
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  async initialize(rootDir: string, settings: object): Promise<void> {
    await this.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootDir).href,
      capabilities: {
        textDocument: {
          completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } },
          publishDiagnostics: {},
        },
        workspace: { configuration: false },
      },
      initializationOptions: {},
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings });
  }

  private version = new Map<string, number>();

  /** Opens (or replaces) a document and waits for its diagnostics. */
  async diagnose(file: string, text: string, timeout = 15_000): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    const version = (this.version.get(uri) ?? 0) + 1;
    this.version.set(uri, version);
    this.diagnostics.delete(uri);
    if (version === 1) {
      this.notify('textDocument/didOpen', {
        textDocument: { uri, languageId: 'yaml', version, text },
      });
    } else {
      this.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    }
    const deadline = Date.now() + timeout;
    while (!this.diagnostics.has(uri)) {
      if (Date.now() > deadline) {
        throw new Error(`no diagnostics for ${file} within ${timeout} ms\n${this.stderr}`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return this.diagnostics.get(uri)!.items;
  }

  async complete(file: string, line: number, character: number): Promise<CompletionItem[]> {
    const result = await this.request<{ items: CompletionItem[] } | CompletionItem[] | null>(
      'textDocument/completion',
      { textDocument: { uri: pathToFileURL(file).href }, position: { line, character } },
    );
    if (result === null) return [];
    return Array.isArray(result) ? result : result.items;
  }

  /** Asks the server to shut down and exit, as an editor does; kills it if it has not exited
   * within two seconds of each step. */
  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    const within = (step: Promise<unknown>): Promise<unknown> => {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise((resolve) => (timer = setTimeout(resolve, 2000)));
      return Promise.race([step, deadline]).finally(() => clearTimeout(timer));
    };
    try {
      await within(this.request('shutdown', null));
      this.notify('exit', null);
      await within(exited);
    } finally {
      if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
    }
  }
}

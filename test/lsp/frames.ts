// Checks the server's stdout byte for byte: LSP frames and nothing else, since on stdio one stray line of output
// corrupts the stream the editor reads.

/**
 * Splits what the server wrote to stdout into its messages, and throws at the first byte that is not part of an
 * LSP frame (`Content-Length: N`, an optional `Content-Type`, a blank line, N bytes of JSON-RPC 2.0). Stricter than
 * the library's reader, which takes any `key: value` line as a header.
 */
export function parseFrames(stdout: Buffer): unknown[] {
  const messages: unknown[] = [];
  let offset = 0;
  const garbage = (what: string) =>
    new Error(`stdout holds ${what} at byte ${offset}: ${JSON.stringify(stdout.subarray(offset, offset + 80).toString('utf8'))}`);
  while (offset < stdout.length) {
    const headerEnd = stdout.indexOf('\r\n\r\n', offset);
    if (headerEnd < 0) throw garbage('a header with no blank line after it');
    let length: number | undefined;
    for (const line of stdout.subarray(offset, headerEnd).toString('ascii').split('\r\n')) {
      const header = /^(Content-Length|Content-Type): (.+)$/i.exec(line);
      if (!header) throw garbage(`a line that is not a Content-Length or Content-Type header, ${JSON.stringify(line)},`);
      if (header[1].toLowerCase() === 'content-length') length = /^\d+$/.test(header[2]) ? Number(header[2]) : undefined;
    }
    if (length === undefined) throw garbage('a frame without a numeric Content-Length');
    const bodyStart = headerEnd + 4;
    if (bodyStart + length > stdout.length) throw garbage(`a frame cut short (${length} bytes announced)`);
    let message: unknown;
    try {
      message = JSON.parse(stdout.subarray(bodyStart, bodyStart + length).toString('utf8'));
    } catch {
      throw garbage('a frame whose body is not JSON');
    }
    if ((message as { jsonrpc?: unknown } | null)?.jsonrpc !== '2.0') throw garbage('a frame whose body is not JSON-RPC 2.0');
    messages.push(message);
    offset = bodyStart + length;
  }
  return messages;
}

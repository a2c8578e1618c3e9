// Progress of a backup or restore on the command line (stderr, so stdout keeps the summary):
// a line rewritten in place on a terminal, one line per finished step otherwise (logs, CI).
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): {
  update(text: string): void;
  done(text: string): void;
} {
  let open = false;
  return {
    update(text) {
      if (!stream.isTTY) return;
      stream.write(`\r\x1b[2K${text}`);
      open = true;
    },
    done(text) {
      stream.write(`${open ? '\r\x1b[2K' : ''}${text}\n`);
      open = false;
    },
  };
}

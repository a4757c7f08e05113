// A NATS client that never starts TLS: it reads the server's INFO, logs in in plain text and
// pings. A server that requires TLS must not answer the ping.
import { connect } from 'node:net';

export interface PlainTextAttempt {
  /** The server's INFO line, as it announced itself before any TLS. */
  info: string;
  /** Whether the server answered PONG to a plain-text CONNECT and PING. */
  answered: boolean;
}

export function plainTextNats(url: string, login: { user: string; password: string }, waitMs = 3000): Promise<PlainTextAttempt> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let received = '';
    let sent = false;
    const socket = connect(Number(port), hostname);
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ info: received.split('\r\n')[0] ?? '', answered: received.includes('PONG') });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (b: Buffer) => {
      received += b.toString('latin1');
      if (!sent && received.includes('\r\n')) {
        sent = true;
        const connectLine = JSON.stringify({ verbose: false, pedantic: false, user: login.user, pass: login.password, protocol: 1 });
        socket.write(`CONNECT ${connectLine}\r\nPING\r\n`);
      }
    });
    socket.on('close', finish);
    socket.on('error', (e) => (received ? finish() : reject(e)));
  });
}

// A real SMTP server (the smtp-server package) on 127.0.0.1 for the send tests: it records every
// message it accepted with its envelope, and can refuse, fail for a while, drop the connection in
// the middle of DATA, or hold a message unanswered, per recipient address.
import { SMTPServer } from 'smtp-server';

/**
 * Starts a server; `faults` by recipient address: `reject` (550 at RCPT), `failTimes` (451 at
 * RCPT that many times), `dropOnce` (connection dropped mid-DATA, once), `holdOnce` (DATA not
 * answered, once), `hold` (DATA never answered; `onHold` is called). `auth: { user, pass }` requires that login.
 */
export async function startSmtpServer({ faults = {}, auth, onHold } = {}) {
  const received = [];
  const envelopes = [];
  const logins = [];
  const rcpts = [];
  const state = Object.fromEntries(Object.entries(faults).map(([k, v]) => [k, { ...v }]));
  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !auth,
    onAuth(login, _session, callback) {
      logins.push(login.username);
      if (login.username === auth?.user && login.password === auth?.pass)
        return callback(null, { user: login.username });
      callback(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      rcpts.push(address.address);
      const fault = state[address.address];
      if (fault?.reject)
        return callback(Object.assign(new Error('No such user'), { responseCode: 550 }));
      if (fault?.failTimes > 0) {
        fault.failTimes--;
        return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      envelopes.push({ from: session.envelope.mailFrom.address, to });
      const fault = state[to[0]];
      const chunks = [];
      if (fault?.dropOnce) {
        fault.dropOnce = false;
        stream.once('data', () => connectionOf(server, session)?._socket.destroy());
        stream.resume();
        return;
      }
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        if (fault?.holdOnce) {
          fault.holdOnce = false;
          return; // never answered, once: the client's timeout
        }
        if (fault?.hold) {
          onHold?.(to[0]);
          return; // never answered: the client waits until it is killed
        }
        received.push({ to, bytes: Buffer.concat(chunks) });
        callback(null, `Ok: queued as ${received.length}`);
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address();
  return {
    port,
    url: `smtp://127.0.0.1:${port}?tls=off`,
    received,
    envelopes,
    /** Every RCPT TO the server was asked, accepted or not. */
    rcpts,
    logins,
    faults: state,
    /** The messages accepted for an address (as first recipient). */
    countFor: (address) => received.filter((m) => m.to[0] === address).length,
    async close() {
      for (const connection of server.connections) connection._socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function connectionOf(server, session) {
  return [...server.connections].find((c) => c.id === session.id);
}

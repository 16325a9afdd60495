package dev.fulmar.core.ike.eap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;

/**
 * Drives an {@link SSLEngine} with whole TLS messages instead of a socket: {@link #feed} takes
 * what the peer sent (one reassembled EAP-TLS message), unwraps all of it, runs the delegated
 * tasks on the calling thread, and returns everything the engine wants to send.
 *
 * <pre>
 *   peer bytes ──unwrap──► engine ──(tasks)──► engine ──wrap──► bytes for the peer
 * </pre>
 *
 * <p>It also keeps what the EAP-TLS key material needs: the hello randoms seen in either
 * direction and, on runtimes without the JDK exporter, the master secret captured while the
 * engine ran on this thread.
 */
final class TlsEngineDriver {

  private final SSLEngine engine;
  private ByteBuffer app;
  private ByteBuffer net;
  private byte[] leftover = new byte[0];
  private final ByteArrayOutputStream appData = new ByteArrayOutputStream();
  private byte[] clientRandom;
  private byte[] serverRandom;
  private byte[] masterSecret;
  private boolean finished;

  TlsEngineDriver(SSLEngine engine) {
    this.engine = engine;
    this.app = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    this.net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
  }

  /** Begins the handshake and returns the first flight (a client's ClientHello). */
  byte[] start() throws SSLException {
    engine.beginHandshake();
    return feed(new byte[0]);
  }

  /** Processes the peer's bytes and returns ours (possibly empty). */
  byte[] feed(byte[] in) throws SSLException {
    byte[] input = concat(leftover, in);
    observe(input);
    ByteBuffer src = ByteBuffer.wrap(input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // With the JDK exporter (Java 25+) nothing is captured and no provider is installed.
    try (MasterSecretCapture.Capture capture =
        TlsKeyMaterial.exporterAvailable() ? null : MasterSecretCapture.arm()) {
      drive(src, out);
      byte[] s = capture == null ? null : capture.secret();
      if (s != null) {
        masterSecret = s;
      }
    }
    leftover = Arrays.copyOfRange(input, src.position(), input.length);
    byte[] produced = out.toByteArray();
    observe(produced);
    return produced;
  }

  private void drive(ByteBuffer src, ByteArrayOutputStream out) throws SSLException {
    while (true) {
      HandshakeStatus hs = engine.getHandshakeStatus();
      if (hs == HandshakeStatus.NEED_TASK) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
          task.run();
        }
      } else if (hs == HandshakeStatus.NEED_WRAP) {
        wrap(out);
      } else if (src.hasRemaining()
          && (hs == HandshakeStatus.NEED_UNWRAP || hs == HandshakeStatus.NEED_UNWRAP_AGAIN
              || hs == HandshakeStatus.NOT_HANDSHAKING || hs == HandshakeStatus.FINISHED)) {
        if (!unwrap(src)) {
          return;
        }
      } else if (hs == HandshakeStatus.NEED_UNWRAP_AGAIN) {
        unwrap(src);
      } else {
        return;
      }
    }
  }

  private void wrap(ByteArrayOutputStream out) throws SSLException {
    while (true) {
      net.clear();
      SSLEngineResult r = engine.wrap(ByteBuffer.allocate(0), net);
      if (r.getStatus() == Status.BUFFER_OVERFLOW) {
        net = ByteBuffer.allocate(net.capacity() * 2);
        continue;
      }
      net.flip();
      out.write(net.array(), 0, net.limit());
      note(r);
      if (r.getStatus() == Status.CLOSED) {
        throw new SSLException("the TLS engine closed while sending");
      }
      return;
    }
  }

  /** Returns false if the input holds only part of a record (kept for the next call). */
  private boolean unwrap(ByteBuffer src) throws SSLException {
    while (true) {
      SSLEngineResult r = engine.unwrap(src, app);
      if (r.getStatus() == Status.BUFFER_OVERFLOW) {
        ByteBuffer bigger = ByteBuffer.allocate(app.capacity() * 2);
        app.flip();
        bigger.put(app);
        app = bigger;
        continue;
      }
      if (r.getStatus() == Status.BUFFER_UNDERFLOW) {
        return false;
      }
      app.flip();
      appData.write(app.array(), 0, app.limit());
      app.clear();
      note(r);
      if (r.bytesConsumed() == 0 && r.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
        return false;
      }
      if (r.getStatus() == Status.CLOSED) {
        throw new SSLException("the gateway closed the TLS connection");
      }
      return true;
    }
  }

  private void note(SSLEngineResult r) {
    if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
      finished = true;
    }
  }

  private void observe(byte[] records) {
    if (clientRandom == null) {
      clientRandom = TlsHello.random(records, TlsHello.CLIENT_HELLO);
    }
    if (serverRandom == null) {
      serverRandom = TlsHello.random(records, TlsHello.SERVER_HELLO);
    }
  }

  /** Whether the handshake has completed. */
  boolean handshakeFinished() {
    return finished;
  }

  /** Application data received so far (for the TLS 1.3 commitment message). */
  byte[] applicationData() {
    return appData.toByteArray();
  }

  /** The negotiated protocol, e.g. {@code TLSv1.2}. */
  String protocol() {
    return engine.getSession().getProtocol();
  }

  /**
   * The 128 octets of EAP-TLS key material of the finished handshake.
   *
   * @throws GeneralSecurityException if the runtime gives no way to obtain them
   */
  byte[] keyMaterial() throws GeneralSecurityException {
    if (TlsKeyMaterial.exporterAvailable()) {
      return TlsKeyMaterial.export(engine.getSession());
    }
    if (!"TLSv1.2".equals(protocol())) {
      throw new GeneralSecurityException("EAP-TLS over " + protocol() + " needs Java 25 or"
          + " newer (TLS keying material exporter)");
    }
    if (masterSecret == null || clientRandom == null || serverRandom == null) {
      throw new GeneralSecurityException("this Java runtime did not let the TLS master secret"
          + " be read (an unsigned JCE provider was refused?): EAP-TLS keys cannot be derived;"
          + " use OpenJDK or Java 25+");
    }
    return TlsKeyMaterial.fromMasterSecret(masterSecret, clientRandom, serverRandom,
        engine.getSession().getCipherSuite());
  }

  /** Wipes the captured secret. */
  void destroy() {
    if (masterSecret != null) {
      Arrays.fill(masterSecret, (byte) 0);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

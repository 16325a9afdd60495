package dev.fulmar.helper.control;

import dev.fulmar.control.codec.LineFramer;
import dev.fulmar.control.message.Topic;
import dev.fulmar.core.spi.PeerIdentity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connected client: its OS identity, line framer, subscriptions, prompts, requests in
 * progress and the bytes waiting to be written. Reading and closing happen on the selector
 * thread; {@link #enqueue} may be called from any thread.
 */
final class ClientSession {
  final long serial;
  final SocketChannel channel;
  final PeerIdentity peer;
  final LineFramer framer;
  final Set<Topic> topics = ConcurrentHashMap.newKeySet();
  final AtomicInteger pending = new AtomicInteger();
  final long connectedAtNanos;
  PromptBroker prompts;
  SelectionKey key;
  boolean helloDone;
  int protocolErrors;
  long partialSinceNanos;
  long closeByNanos;
  private final int maxOutboundBytes;
  private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
  private long outBytes;
  private boolean overflow;
  private boolean closed;
  private boolean closing;

  ClientSession(long serial, SocketChannel channel, PeerIdentity peer, int maxLineBytes,
      int maxOutboundBytes, long nowNanos) {
    this.serial = serial;
    this.channel = channel;
    this.peer = peer;
    this.framer = new LineFramer(maxLineBytes);
    this.maxOutboundBytes = maxOutboundBytes;
    this.connectedAtNanos = nowNanos;
  }

  /** Queues a line; false when the session is closed. Marks overflow past the limit. */
  synchronized boolean enqueue(byte[] line) {
    if (closed) {
      return false;
    }
    out.add(ByteBuffer.wrap(line));
    outBytes += line.length;
    if (outBytes > maxOutboundBytes) {
      overflow = true;
    }
    return true;
  }

  /** Writes what the socket takes now; true when everything queued was written. */
  synchronized boolean flush() throws IOException {
    while (!out.isEmpty()) {
      ByteBuffer b = out.peek();
      int n = channel.write(b);
      outBytes -= n;
      if (b.hasRemaining()) {
        return false;
      }
      out.poll();
    }
    return true;
  }

  synchronized boolean hasOutput() {
    return !out.isEmpty();
  }

  /** Whether the client let more than the limit pile up unread. */
  synchronized boolean overflowed() {
    return overflow;
  }

  /** Stops reading; the session closes once its output is written (or at {@code closeBy}). */
  synchronized void closeAfterFlush(long closeByNanos) {
    if (!closing) {
      closing = true;
      this.closeByNanos = closeByNanos;
    }
  }

  synchronized boolean closing() {
    return closing;
  }

  synchronized void markClosed() {
    closed = true;
    out.clear();
  }

  synchronized boolean isClosed() {
    return closed;
  }

  /** For messages: who this is. */
  String who() {
    return Authorizer.who(peer) + " [client " + serial + "]";
  }
}

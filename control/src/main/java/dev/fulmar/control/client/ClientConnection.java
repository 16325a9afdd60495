package dev.fulmar.control.client;

import dev.fulmar.control.codec.DecodeException;
import dev.fulmar.control.codec.Frame;
import dev.fulmar.control.codec.LineFramer;
import dev.fulmar.control.codec.MessageCodec;
import dev.fulmar.control.message.ErrorReply;
import dev.fulmar.control.message.Event;
import dev.fulmar.control.message.MessageTypes;
import dev.fulmar.control.message.Request;
import dev.fulmar.control.message.Response;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The socket under a {@link ControlClient}: a reader thread ({@code runReadLoop}) that matches
 * answers to waiting requests by id and hands events to a single event thread, and a locked
 * writer.
 */
final class ClientConnection {
  private final SocketChannel channel;
  private final MessageCodec codec;
  private final Map<Long, CompletableFuture<Response>> pending = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private final Object writeLock = new Object();
  private final ExecutorService events;
  private volatile EventListener listener;
  private volatile boolean closed;
  private volatile boolean closedByUs;
  private volatile ErrorReply lastUnsolicitedError;

  ClientConnection(SocketChannel channel, MessageCodec codec, EventListener listener) {
    this.channel = channel;
    this.codec = codec;
    this.listener = listener;
    this.events = Executors.newSingleThreadExecutor(r -> daemon(r, "fulmar-control-events"));
    daemon(this::runReadLoop, "fulmar-control-reader").start();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  void setListener(EventListener l) {
    listener = l;
  }

  boolean isOpen() {
    return !closed;
  }

  ErrorReply lastUnsolicitedError() {
    return lastUnsolicitedError;
  }

  Response call(Request request, Duration timeout) throws ControlException {
    String what = MessageTypes.nameOf(request.getClass());
    long id = nextId.getAndIncrement();
    CompletableFuture<Response> f = new CompletableFuture<>();
    pending.put(id, f);
    if (closed) {
      pending.remove(id);
      throw lostCause();
    }
    byte[] line = codec.encode(Frame.of(id, request));
    try {
      synchronized (writeLock) {
        ByteBuffer b = ByteBuffer.wrap(line);
        while (b.hasRemaining()) {
          channel.write(b);
        }
      }
    } catch (IOException e) {
      // the helper closed its end; the reader still delivers what it sent before (e.g. why it
      // refused us) and then fails this request, so wait for that rather than failing here
      channelBroken();
    } finally {
      ControlClient.wipe(line);
    }
    try {
      return ControlClient.await(f, timeout, what);
    } finally {
      pending.remove(id);
    }
  }

  private void channelBroken() {
    try {
      channel.shutdownOutput();
    } catch (IOException ignored) {
      // already broken
    }
  }

  private void runReadLoop() {
    LineFramer framer = new LineFramer(codec.maxLineBytes());
    ByteBuffer in = ControlClient.readBuffer();
    LineFramer.Sink sink = new LineFramer.Sink() {
      @Override
      public void line(byte[] buf, int off, int len) {
        onLine(buf, off, len);
      }

      @Override
      public void oversize() {
        shutdown(new ConnectionLostException("the helper sent a line longer than "
            + codec.maxLineBytes() + " bytes", null));
      }
    };
    try {
      while (!closed) {
        in.clear();
        if (channel.read(in) < 0) {
          break;
        }
        in.flip();
        framer.feed(in, sink);
      }
      shutdown(null);
    } catch (IOException e) {
      shutdown(new ConnectionLostException("the connection to the helper broke: "
          + e.getMessage(), e));
    }
  }

  private void onLine(byte[] buf, int off, int len) {
    Frame frame;
    try {
      frame = codec.decode(buf, off, len);
    } catch (DecodeException e) {
      if (e.id() != null) {
        complete(e.id(), null, new ControlException("the helper's answer could not be read: "
            + e.getMessage()));
      }
      return;
    }
    if (frame.message() instanceof Event ev) {
      events.execute(() -> deliver(ev));
    } else if (frame.message() instanceof Response r) {
      if (frame.id() != null) {
        complete(frame.id(), r, null);
      } else if (r instanceof ErrorReply e) {
        lastUnsolicitedError = e;
      }
    }
  }

  private void deliver(Event ev) {
    EventListener l = listener;
    if (l != null) {
      try {
        l.onEvent(ev);
      } catch (RuntimeException e) {
        // a listener's bug must not stop the event thread
        Thread.currentThread().getUncaughtExceptionHandler()
            .uncaughtException(Thread.currentThread(), e);
      }
    }
  }

  private void complete(long id, Response r, ControlException failure) {
    CompletableFuture<Response> f = pending.remove(id);
    if (f != null) {
      if (failure != null) {
        f.completeExceptionally(failure);
      } else {
        f.complete(r);
      }
    }
  }

  private ConnectionLostException lostCause() {
    ErrorReply last = lastUnsolicitedError;
    String why = last != null ? last.message() : "the helper closed the connection";
    return new ConnectionLostException(closedByUs ? "the connection was closed" : why, null);
  }

  /** Ends the connection once: fails waiting requests, tells the listener. */
  private void shutdown(ConnectionLostException cause) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    ConnectionLostException c = cause != null ? cause : lostCause();
    pending.values().forEach(f -> f.completeExceptionally(c));
    pending.clear();
    EventListener l = listener;
    if (l != null) {
      ControlException reported = closedByUs ? null : c;
      events.execute(() -> l.onClosed(reported));
    }
    events.shutdown();
  }

  void close() {
    closedByUs = true;
    shutdown(null);
  }
}

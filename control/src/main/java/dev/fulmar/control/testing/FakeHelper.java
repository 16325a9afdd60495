package dev.fulmar.control.testing;

import dev.fulmar.control.ProtocolVersion;
import dev.fulmar.control.codec.DecodeException;
import dev.fulmar.control.codec.Frame;
import dev.fulmar.control.codec.LineFramer;
import dev.fulmar.control.codec.MessageCodec;
import dev.fulmar.control.message.AnswerPrompt;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.ErrorReply;
import dev.fulmar.control.message.Event;
import dev.fulmar.control.message.Hello;
import dev.fulmar.control.message.Ok;
import dev.fulmar.control.message.PeerInfo;
import dev.fulmar.control.message.Request;
import dev.fulmar.control.message.Response;
import dev.fulmar.control.message.Role;
import dev.fulmar.control.message.Welcome;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scriptable stand-in for the helper that speaks the real protocol over a real Unix domain
 * socket, for tests of the app and the CLI (which must not depend on the helper). Each request
 * type gets a {@link Handler}; unscripted requests get an {@code INTERNAL} error naming the type.
 * Handlers run on their own threads, so one may push a prompt and wait for its answer while the
 * connection keeps reading.
 */
public final class FakeHelper implements AutoCloseable {

  /** Answers one request; may push events to the asking client through {@code session}. */
  @FunctionalInterface
  public interface Handler<R extends Request> {
    Response handle(R request, Session session) throws Exception;
  }

  /** One connected client, as a handler sees it. */
  public interface Session {
    /** Sends {@code event} to this client. */
    void push(Event event);

    /** Waits for this client's answer to prompt {@code promptId}. */
    AnswerPrompt awaitAnswer(String promptId, Duration timeout) throws InterruptedException;

    /** Closes the connection right after this request's answer (the helper "stops"). */
    void closeAfterReply();
  }

  private final Path socket;
  private final ServerSocketChannel server;
  private final MessageCodec codec = MessageCodec.forHelper();
  private final Map<Class<?>, Handler<?>> handlers = new ConcurrentHashMap<>();
  private final List<Request> received = new CopyOnWriteArrayList<>();
  private final List<Conn> clients = new CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-helper");
    t.setDaemon(true);
    return t;
  });
  private volatile PeerInfo peer = new PeerInfo(1000, "tester", Role.OPERATOR);
  private volatile ErrorReply refusal;

  private FakeHelper(Path socket, ServerSocketChannel server) {
    this.socket = socket;
    this.server = server;
    on(Hello.class, (h, s) -> new Welcome(ProtocolVersion.MAX, "fake", peer));
    pool.execute(this::runAcceptLoop);
  }

  /** Listens on {@code socket} (deleted first if it exists). */
  public static FakeHelper start(Path socket) throws IOException {
    Files.deleteIfExists(socket);
    ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    s.bind(UnixDomainSocketAddress.of(socket));
    return new FakeHelper(socket, s);
  }

  public Path socket() {
    return socket;
  }

  /** Who the welcome says the client is. */
  public FakeHelper peer(PeerInfo p) {
    peer = p;
    return this;
  }

  /** Refuses every client at connect with {@code NOT_PERMITTED} and {@code message}. */
  public FakeHelper refuseAll(String message) {
    refusal = ErrorReply.of(ErrorCode.NOT_PERMITTED, message);
    return this;
  }

  /** Scripts the answer to requests of {@code type}. */
  public <R extends Request> FakeHelper on(Class<R> type, Handler<R> handler) {
    handlers.put(type, handler);
    return this;
  }

  /** Every request received so far, in order. */
  public List<Request> received() {
    return List.copyOf(received);
  }

  /** Sends {@code event} to every connected client. */
  public void pushToAll(Event event) {
    clients.forEach(c -> c.push(event));
  }

  /** Closes every client connection (the helper "stops"), keeping the socket. */
  public void dropClients() {
    clients.forEach(Conn::close);
  }

  @Override
  public void close() throws IOException {
    server.close();
    dropClients();
    pool.shutdownNow();
    Files.deleteIfExists(socket);
  }

  private void runAcceptLoop() {
    while (server.isOpen()) {
      try {
        Conn c = new Conn(server.accept());
        clients.add(c);
        pool.execute(c::runReadLoop);
      } catch (IOException e) {
        return;
      }
    }
  }

  private final class Conn implements Session {
    private final SocketChannel ch;
    private final Map<String, BlockingQueue<AnswerPrompt>> answers = new ConcurrentHashMap<>();
    private volatile boolean closeAfterReply;

    Conn(SocketChannel ch) {
      this.ch = ch;
    }

    void runReadLoop() {
      if (refusal != null) {
        send(Frame.unsolicited(refusal));
        close();
        return;
      }
      LineFramer framer = new LineFramer(codec.maxLineBytes());
      ByteBuffer in = ByteBuffer.allocate(65536);
      try {
        while (ch.read(in.clear()) >= 0) {
          framer.feed(in.flip(), new LineFramer.Sink() {
            @Override
            public void line(byte[] buf, int off, int len) {
              onLine(buf, off, len);
            }

            @Override
            public void oversize() {
              send(Frame.unsolicited(ErrorReply.of(ErrorCode.LINE_TOO_LONG, "line too long")));
              close();
            }
          });
        }
      } catch (IOException e) {
        // client gone
      }
      close();
    }

    private void onLine(byte[] buf, int off, int len) {
      Frame f;
      try {
        f = codec.decode(buf, off, len);
      } catch (DecodeException e) {
        send(new Frame(e.id(), e.toReply()));
        return;
      }
      if (!(f.message() instanceof Request r)) {
        send(new Frame(f.id(), ErrorReply.of(ErrorCode.INVALID_REQUEST, "not a request")));
        return;
      }
      received.add(r);
      if (r instanceof AnswerPrompt a) {
        answers.computeIfAbsent(a.promptId(), k -> new LinkedBlockingQueue<>()).add(a);
        if (!handlers.containsKey(AnswerPrompt.class)) {
          send(Frame.of(f.id(), new Ok()));
          return;
        }
      }
      long id = f.id();
      pool.execute(() -> {
        send(Frame.of(id, handle(r)));
        if (closeAfterReply) {
          close();
        }
      });
    }

    @SuppressWarnings("unchecked")
    private <R extends Request> Response handle(R r) {
      Handler<R> h = (Handler<R>) handlers.get(r.getClass());
      if (h == null) {
        return ErrorReply.of(ErrorCode.INTERNAL, "the fake helper has no answer scripted for "
            + r.getClass().getSimpleName());
      }
      try {
        return h.handle(r, this);
      } catch (Exception e) {
        return ErrorReply.of(ErrorCode.INTERNAL, "scripted handler failed: " + e);
      }
    }

    @Override
    public void closeAfterReply() {
      closeAfterReply = true;
    }

    @Override
    public void push(Event event) {
      send(Frame.unsolicited(event));
    }

    @Override
    public AnswerPrompt awaitAnswer(String promptId, Duration timeout)
        throws InterruptedException {
      return answers.computeIfAbsent(promptId, k -> new LinkedBlockingQueue<>())
          .poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void send(Frame f) {
      try {
        ByteBuffer b = ByteBuffer.wrap(codec.encode(f));
        while (b.hasRemaining()) {
          ch.write(b);
        }
      } catch (IOException e) {
        close();
      }
    }

    void close() {
      clients.remove(this);
      try {
        ch.shutdownOutput(); // the client reads what was sent, then end of stream
      } catch (IOException ignored) {
        // already closed
      }
      try {
        ch.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}

package dev.fulmar.helper.control;

import dev.fulmar.control.ProtocolVersion;
import dev.fulmar.control.codec.DecodeException;
import dev.fulmar.control.codec.Frame;
import dev.fulmar.control.codec.LineFramer;
import dev.fulmar.control.codec.MessageCodec;
import dev.fulmar.control.message.AnswerPrompt;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.ErrorReply;
import dev.fulmar.control.message.Hello;
import dev.fulmar.control.message.LogLevel;
import dev.fulmar.control.message.MessageTypes;
import dev.fulmar.control.message.Ok;
import dev.fulmar.control.message.PeerInfo;
import dev.fulmar.control.message.Policy;
import dev.fulmar.control.message.Request;
import dev.fulmar.control.message.Role;
import dev.fulmar.control.message.Subscribe;
import dev.fulmar.control.message.Welcome;
import dev.fulmar.core.spi.PeerIdentity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * From bytes to work, on the selector thread: admits connections (peer identity, client limit),
 * frames and decodes lines, enforces hello-first, authorization and the pending limit, and hands
 * authorized requests to the worker pool. Every refusal is a typed error reply; repeated bad lines
 * get the client disconnected; refusals are logged.
 */
final class Dispatcher {
  private final ControlServer server;
  private final ServerConfig config;
  private final ServerEnvironment env;
  private final RequestHandler handler;
  private final MessageCodec codec = MessageCodec.forHelper();
  private final Authorizer authorizer;
  private final ThreadPoolExecutor workers;

  Dispatcher(ControlServer server, ServerConfig config, ServerEnvironment env,
      RequestHandler handler) {
    this.server = server;
    this.config = config;
    this.env = env;
    this.handler = handler;
    this.authorizer = new Authorizer(config.operatorGroup());
    this.workers = new ThreadPoolExecutor(config.workers(), config.workers(), 30,
        TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024), r -> {
          Thread t = new Thread(r, "fulmar-control-worker");
          t.setDaemon(true);
          return t;
        });
  }

  /** The identity of a new connection, or null after refusing and closing it. */
  PeerIdentity admit(SocketChannel ch, int clients) {
    PeerIdentity peer;
    try {
      peer = env.peers().identify(ch);
    } catch (IOException | RuntimeException e) {
      log(LogLevel.WARN, "refused a connection: its peer credentials could not be read (" + e
          + ")");
      refuse(ch, ErrorReply.of(ErrorCode.NOT_PERMITTED, "the helper could not identify you"));
      return null;
    }
    if (clients >= config.maxClients() && !peer.isRoot()) { // root can always get in
      log(LogLevel.WARN, "refused " + Authorizer.who(peer) + ": " + clients
          + " clients are connected already");
      refuse(ch, ErrorReply.of(ErrorCode.TOO_MANY_CLIENTS, "the helper has too many clients ("
          + config.maxClients() + "); close some and try again"));
      return null;
    }
    if (authorizer.roleOf(peer, env.system().policy()).isEmpty()) {
      String why = authorizer.refusalAtConnect(peer);
      log(LogLevel.WARN, "refused: " + why);
      refuse(ch, ErrorReply.of(ErrorCode.NOT_PERMITTED, why));
      return null;
    }
    return peer;
  }

  /** Best effort: one error line on a still-blocking channel, then close. */
  private void refuse(SocketChannel ch, ErrorReply error) {
    try {
      ch.configureBlocking(false);
      ch.write(ByteBuffer.wrap(codec.encode(Frame.unsolicited(error))));
    } catch (IOException ignored) {
      // the refusal is logged; the client sees the connection close
    }
    closeQuietly(ch);
  }

  /**
   * Closes after discarding what the client sent and nobody read (up to 64 KiB), so that the
   * client can still read the last reply instead of a connection reset.
   */
  static void closeQuietly(SocketChannel ch) {
    try {
      if (!ch.isBlocking()) {
        ByteBuffer drain = ByteBuffer.allocate(8192);
        for (int i = 0; i < 8 && ch.read(drain.clear()) > 0; i++) {
          java.util.Arrays.fill(drain.array(), (byte) 0);
        }
      }
    } catch (IOException ignored) {
      // closing anyway
    }
    try {
      ch.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  void feed(ClientSession s, ByteBuffer in) {
    s.framer.feed(in, new LineFramer.Sink() {
      @Override
      public void line(byte[] buf, int off, int len) {
        if (!s.closing()) {
          onLine(s, buf, off, len);
        }
      }

      @Override
      public void oversize() {
        if (!s.closing()) {
          server.sendAndClose(s, ErrorReply.of(ErrorCode.LINE_TOO_LONG, "a line was longer than "
              + config.maxLineBytes() + " bytes"), "line too long");
        }
      }
    });
  }

  private void onLine(ClientSession s, byte[] buf, int off, int len) {
    Frame f;
    try {
      f = codec.decode(buf, off, len);
    } catch (DecodeException e) {
      refuse(s, e.id(), e.toReply());
      return;
    }
    if (!(f.message() instanceof Request r)) {
      refuse(s, f.id(), ErrorReply.of(ErrorCode.INVALID_REQUEST, "'"
          + MessageTypes.nameOf(f.message().getClass()) + "' is not a request"));
      return;
    }
    long id = f.id();
    if (r instanceof Hello h) {
      hello(s, id, h);
    } else if (!s.helloDone) {
      refuse(s, id, ErrorReply.of(ErrorCode.HELLO_REQUIRED, "send hello first"));
    } else {
      authorized(s, id, r);
    }
  }

  private void hello(ClientSession s, long id, Hello h) {
    if (s.helloDone) {
      refuse(s, id, ErrorReply.of(ErrorCode.INVALID_REQUEST, "hello was already sent"));
      return;
    }
    int version = ProtocolVersion.negotiate(h.minVersion(), h.maxVersion());
    if (version < 0) {
      server.send(s, Frame.of(id, ErrorReply.of(ErrorCode.UNSUPPORTED_VERSION, "this helper "
          + "speaks protocol versions " + ProtocolVersion.MIN + " to " + ProtocolVersion.MAX
          + "; the client speaks " + h.minVersion() + " to " + h.maxVersion()
          + ": update the older of the two")));
      return;
    }
    Optional<Role> role = authorizer.roleOf(s.peer, env.system().policy());
    s.helloDone = true;
    server.send(s, Frame.of(id, new Welcome(version, config.helperVersion(), new PeerInfo(
        s.peer.uid(), s.peer.userName().orElse(Long.toString(s.peer.uid())),
        role.orElse(Role.OPERATOR)))));
  }

  private void authorized(ClientSession s, long id, Request r) {
    Policy policy = env.system().policy();
    Optional<Role> role = authorizer.roleOf(s.peer, policy);
    String type = MessageTypes.nameOf(r.getClass());
    if (role.isEmpty() || !Authorizer.allows(role.get(), r)) {
      String why = role.isEmpty() ? authorizer.refusalAtConnect(s.peer)
          : Authorizer.refusalOfAdminRequest(type, s.peer, policy);
      log(LogLevel.WARN, "refused '" + type + "' from " + s.who() + ": " + why);
      server.send(s, Frame.of(id, ErrorReply.of(ErrorCode.NOT_PERMITTED, why)));
      return;
    }
    if (r instanceof AnswerPrompt a) {
      boolean known = s.prompts.answer(a);
      server.send(s, Frame.of(id, known ? new Ok() : ErrorReply.of(ErrorCode.UNKNOWN_PROMPT,
          "no open prompt '" + a.promptId() + "' for this client")));
      return;
    }
    if (r instanceof Subscribe sub) {
      server.subscribe(s, sub.topics());
      server.send(s, Frame.of(id, new Ok()));
      return;
    }
    if (s.pending.incrementAndGet() > config.maxPendingPerClient()) {
      s.pending.decrementAndGet();
      refuse(s, id, ErrorReply.of(ErrorCode.TOO_MANY_PENDING, "more than "
          + config.maxPendingPerClient() + " requests in progress; wait for their answers"));
      return;
    }
    try {
      workers.execute(() -> handler.handle(s, role.get(), r).thenAccept(resp -> {
        s.pending.decrementAndGet();
        server.send(s, Frame.of(id, resp));
      }));
    } catch (RejectedExecutionException e) {
      s.pending.decrementAndGet();
      server.send(s, Frame.of(id, ErrorReply.of(ErrorCode.SHUTTING_DOWN, "the helper is "
          + "overloaded or stopping; try again")));
    }
  }

  /** Answers a bad line; past the limit of bad lines the client is disconnected. */
  private void refuse(ClientSession s, Long id, ErrorReply error) {
    s.protocolErrors++;
    if (s.protocolErrors > dev.fulmar.control.Limits.MAX_PROTOCOL_ERRORS) {
      server.sendAndClose(s, ErrorReply.of(error.code(), error.message()
          + " (too many bad requests: disconnecting)"), s.protocolErrors + " bad requests, "
          + "the last: " + error.code());
      return;
    }
    server.send(s, new Frame(id, error));
  }

  private void log(LogLevel level, String text) {
    env.log().append(level, "control", text);
  }

  void shutdown() {
    workers.shutdownNow();
  }
}

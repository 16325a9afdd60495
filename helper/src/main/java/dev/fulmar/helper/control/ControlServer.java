package dev.fulmar.helper.control;

import dev.fulmar.control.codec.Frame;
import dev.fulmar.control.codec.MessageCodec;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.ErrorReply;
import dev.fulmar.control.message.Event;
import dev.fulmar.control.message.LogEvent;
import dev.fulmar.control.message.LogLevel;
import dev.fulmar.control.message.StateEvent;
import dev.fulmar.control.message.StatsEvent;
import dev.fulmar.control.message.Topic;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.TunnelStatus;
import dev.fulmar.core.spi.PeerIdentity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The helper's control socket: one NIO selector thread ({@code runSelectLoop}) does all socket
 * I/O for every client, a small bounded worker pool carries out requests (see {@link
 * Dispatcher}), and events from the tunnel, the log and the stats ticker are queued to
 * subscribers. A slow or hostile client costs at most its own bounded buffers: lines are limited,
 * unfinished lines and a missing hello time out, unread output past the limit and repeated bad
 * lines get it disconnected.
 *
 * <pre>
 *  accept ─ identify peer (SO_PEERCRED) ─ refuse non-members
 *  read   ─ LineFramer ─ decode ─ hello? ─ authorize ─ pending limit ─ worker ─┐
 *  write  ◄──────────────── per-client queue ◄─── replies, events ◄────────────┘
 * </pre>
 */
public final class ControlServer implements AutoCloseable {
  private final ServerConfig config;
  private final ServerEnvironment env;
  private final MessageCodec codec = MessageCodec.forHelper();
  private final ServerSocketChannel server;
  private final Selector selector;
  private final Map<Long, ClientSession> sessions = new ConcurrentHashMap<>();
  private final Queue<ClientSession> wantWrite = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService ticks;
  private final StatsTicker stats;
  private final Dispatcher dispatcher;
  private final AutoCloseable tunnelSubscription;
  private final Thread loop;
  private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
  private volatile boolean running = true;
  private long nextSerial = 1;

  private ControlServer(ServerConfig config, ServerEnvironment env) throws IOException {
    this.config = config;
    this.env = env;
    LogRing log = env.log();
    this.server = SocketSetup.bind(config.socket(), config.socketGroup(),
        w -> log.append(LogLevel.WARN, "control", w));
    this.selector = Selector.open();
    server.configureBlocking(false);
    server.register(selector, SelectionKey.OP_ACCEPT);
    this.stats = new StatsTicker(env.tunnel(), env.clock(),
        s -> broadcast(Topic.STATS, new StatsEvent(s)));
    RequestHandler handler = new RequestHandler(env.tunnel(), env.system(), log, stats,
        new BundleBuilder(codec, env.clock(), config.helperVersion()));
    this.dispatcher = new Dispatcher(this, config, env, handler);
    log.addListener(line -> broadcast(Topic.LOG, new LogEvent(line)));
    this.tunnelSubscription = env.tunnel().subscribe(new TunnelEvents());
    this.ticks = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "fulmar-stats"));
    long every = config.statsInterval().toMillis();
    if (every > 0) {
      ticks.scheduleAtFixedRate(this::tickQuietly, every, every, TimeUnit.MILLISECONDS);
    }
    this.loop = daemon(this::runSelectLoop, "fulmar-control");
    loop.start();
    log.append(LogLevel.INFO, "control", "listening on " + config.socket());
  }

  /** Binds the socket and starts serving. */
  public static ControlServer start(ServerConfig config, ServerEnvironment env)
      throws IOException {
    return new ControlServer(config, env);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  public Path socket() {
    return config.socket();
  }

  /** Clients connected now. */
  public int clientCount() {
    return sessions.size();
  }

  /** Publishes one stats reading now (the scheduler does it every second). */
  void tickStats() {
    stats.tick();
  }

  /** Makes the selector thread re-check timeouts now (tests advance the ticker first). */
  void wakeup() {
    selector.wakeup();
  }

  private void tickQuietly() {
    try {
      stats.tick();
    } catch (RuntimeException e) {
      env.log().append(LogLevel.WARN, "control", "stats reading failed: " + e);
    }
  }

  // ---- called from any thread

  /** Queues a frame to one client. */
  void send(ClientSession s, Frame f) {
    send(s, codec.encode(f));
  }

  private void send(ClientSession s, byte[] line) {
    if (s.enqueue(line)) {
      wantWrite.add(s);
      selector.wakeup();
    }
  }

  /** Queues an event to every subscriber of {@code topic}. */
  void broadcast(Topic topic, Event e) {
    byte[] line = null;
    for (ClientSession s : sessions.values()) {
      synchronized (s.topics) {
        if (s.helloDone && s.topics.contains(topic)) {
          line = line == null ? codec.encode(Frame.unsolicited(e)) : line;
          send(s, line);
        }
      }
    }
  }

  /**
   * Adds subscriptions; a new {@code STATE} subscriber first gets the current state. Done under
   * the lock {@link #broadcast} takes, so no newer state event can be queued before it.
   */
  void subscribe(ClientSession s, Set<Topic> topics) {
    synchronized (s.topics) {
      boolean newState = topics.contains(Topic.STATE) && !s.topics.contains(Topic.STATE);
      s.topics.addAll(topics);
      if (newState) {
        send(s, Frame.unsolicited(new StateEvent(env.tunnel().status())));
      }
    }
  }

  // ---- selector thread

  private void runSelectLoop() {
    while (running) {
      try {
        selector.select(1000);
        for (ClientSession s; (s = wantWrite.poll()) != null; ) {
          if (s.key != null && s.key.isValid()) {
            s.key.interestOps(s.closing() ? SelectionKey.OP_WRITE
                : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          }
        }
        for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
          SelectionKey k = it.next();
          it.remove();
          handleKey(k);
        }
        sweep(env.ticker().getAsLong());
      } catch (IOException | RuntimeException e) {
        if (running) {
          env.log().append(LogLevel.ERROR, "control", "control loop: " + e);
        }
      }
    }
  }

  private void handleKey(SelectionKey k) {
    if (!k.isValid()) {
      return;
    }
    if (k.isAcceptable()) {
      accept();
      return;
    }
    ClientSession s = (ClientSession) k.attachment();
    try {
      if (k.isReadable()) {
        read(s);
      }
      if (k.isValid() && k.isWritable()) {
        write(s);
      }
    } catch (IOException e) {
      close(s, null);
    }
  }

  private void accept() {
    SocketChannel ch;
    try {
      ch = server.accept();
      if (ch == null) {
        return;
      }
    } catch (IOException e) {
      return;
    }
    PeerIdentity peer = dispatcher.admit(ch, sessions.size());
    if (peer == null) {
      return;
    }
    try {
      ch.configureBlocking(false);
      ClientSession s = new ClientSession(nextSerial++, ch, peer, config.maxLineBytes(),
          config.maxOutboundBytes(), env.ticker().getAsLong());
      s.prompts = new PromptBroker(p -> send(s, Frame.unsolicited(p)), env.log().redactor(),
          java.time.Duration.ofMinutes(5));
      s.key = ch.register(selector, SelectionKey.OP_READ, s);
      sessions.put(s.serial, s);
    } catch (IOException e) {
      Dispatcher.closeQuietly(ch);
    }
  }

  private void read(ClientSession s) throws IOException {
    if (s.closing()) {
      return;
    }
    readBuffer.clear();
    int n = s.channel.read(readBuffer);
    if (n < 0) {
      close(s, null);
      return;
    }
    readBuffer.flip();
    dispatcher.feed(s, readBuffer);
    java.util.Arrays.fill(readBuffer.array(), 0, n, (byte) 0);
    if (!s.framer.hasPartialLine()) {
      s.partialSinceNanos = 0;
    } else if (s.partialSinceNanos == 0) {
      s.partialSinceNanos = env.ticker().getAsLong();
    }
  }

  private void write(ClientSession s) throws IOException {
    if (s.flush()) {
      s.key.interestOps(s.closing() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
      if (s.closing()) {
        close(s, null);
      }
    }
  }

  /** Sends a last error and closes once it is written (at most 2 s later). */
  void sendAndClose(ClientSession s, ErrorReply error, String logReason) {
    if (logReason != null) {
      env.log().append(LogLevel.WARN, "control", s.who() + " disconnected: " + logReason);
    }
    send(s, Frame.unsolicited(error));
    s.closeAfterFlush(env.ticker().getAsLong() + TimeUnit.SECONDS.toNanos(2));
  }

  private void sweep(long now) {
    for (ClientSession s : sessions.values()) {
      if (s.overflowed()) {
        env.log().append(LogLevel.WARN, "control", s.who() + " cut off: it does not read "
            + "what the helper sends");
        close(s, null);
      } else if (s.closing()) {
        if (now - s.closeByNanos >= 0) {
          close(s, null);
        }
      } else if (!s.helloDone && now - s.connectedAtNanos >= config.helloTimeout().toNanos()) {
        sendAndClose(s, ErrorReply.of(ErrorCode.TIMEOUT, "no hello within "
            + config.helloTimeout().toSeconds() + " s"), "no hello in time");
      } else if (s.partialSinceNanos != 0
          && now - s.partialSinceNanos >= config.partialLineTimeout().toNanos()) {
        sendAndClose(s, ErrorReply.of(ErrorCode.TIMEOUT, "a line stayed unfinished for "
            + config.partialLineTimeout().toSeconds() + " s"), "unfinished line (too slow)");
      }
    }
  }

  private void close(ClientSession s, String reason) {
    if (sessions.remove(s.serial) == null) {
      return;
    }
    s.markClosed();
    s.prompts.close();
    if (s.key != null) {
      s.key.cancel();
    }
    Dispatcher.closeQuietly(s.channel);
    if (reason != null) {
      env.log().append(LogLevel.INFO, "control", s.who() + " closed: " + reason);
    }
  }

  @Override
  public void close() {
    running = false;
    ticks.shutdownNow();
    try {
      tunnelSubscription.close();
    } catch (Exception ignored) {
      // shutting down
    }
    selector.wakeup();
    try {
      loop.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sessions.values().forEach(s -> close(s, null));
    dispatcher.shutdown();
    try {
      selector.close();
      server.close();
      Files.deleteIfExists(config.socket());
    } catch (IOException ignored) {
      // shutting down
    }
  }

  /** Forwards the tunnel's reports to subscribers and the log. */
  private final class TunnelEvents implements TunnelListener {
    @Override
    public void onStatus(TunnelStatus status) {
      broadcast(Topic.STATE, new StateEvent(status));
      if (status.state() == TunnelState.DISCONNECTED || status.state() == TunnelState.ERROR) {
        env.log().redactor().forgetAll();
      }
    }

    @Override
    public void onLog(LogLevel level, String source, String message) {
      env.log().append(level, source, message);
    }
  }
}

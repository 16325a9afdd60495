package dev.fulmar.app.helper;

import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.client.ControlException;
import dev.fulmar.control.client.EventListener;
import dev.fulmar.control.client.HelperNotRunningException;
import dev.fulmar.control.client.NotPermittedException;
import dev.fulmar.control.client.RequestFailedException;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.Event;
import dev.fulmar.control.message.Topic;
import dev.fulmar.control.message.Welcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's connection to the helper: holds the one {@link ControlClient}, subscribes to state,
 * stats and log events, and reconnects (with a growing delay) while the helper is not running or
 * after it stopped. Everything it reports reaches the {@link Listener} through the {@code ui}
 * executor (the JavaFX thread in the app), so the listener never needs locking.
 *
 * <p>Requests run on worker threads ({@link #call}); a connect blocks a worker until the attempt
 * ends while prompts and events keep flowing.
 */
public final class HelperLink implements AutoCloseable {

  /** What the app can do with the helper right now. */
  public enum Availability {
    /** Trying to reach the helper. */
    CONNECTING,
    /** Connected and subscribed; requests work. */
    READY,
    /** Nothing listens on the socket. */
    NOT_RUNNING,
    /** The socket's permissions or the helper refused this user. */
    NOT_PERMITTED,
    /** The helper speaks no protocol version this app speaks. */
    INCOMPATIBLE,
    /** Any other failure to reach the helper. */
    FAILED
  }

  /** Receives availability changes and events, on the {@code ui} executor. */
  public interface Listener {
    /** The availability changed; {@code message} is the client library's explanation or "". */
    void onAvailability(Availability availability, String message);

    /** The helper pushed an event. */
    void onEvent(Event event);
  }

  /** A request to run against the connected client. */
  @FunctionalInterface
  public interface Call<T> {
    T run(ControlClient client) throws ControlException;
  }

  /** The app's name in {@code hello}. */
  public static final String CLIENT_NAME = "fulmar-app";
  private static final Duration MAX_RETRY = Duration.ofSeconds(30);

  private final Path socket;
  private final String clientVersion;
  private final java.util.concurrent.Executor ui;
  private final Listener listener;
  private final Duration firstRetry;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers;
  private final AtomicInteger failures = new AtomicInteger();
  private volatile ControlClient client;
  private volatile boolean closed;
  private ScheduledFuture<?> pendingRetry;

  /**
   * @param socket the helper's control socket
   * @param clientVersion this app's version, for {@code hello}
   * @param ui where listener calls run (the JavaFX thread)
   * @param listener receives availability and events
   * @param firstRetry delay before the first automatic retry; it doubles up to 30 s
   */
  public HelperLink(Path socket, String clientVersion, java.util.concurrent.Executor ui,
      Listener listener, Duration firstRetry) {
    this.socket = Objects.requireNonNull(socket, "socket");
    this.clientVersion = clientVersion;
    this.ui = ui;
    this.listener = listener;
    this.firstRetry = firstRetry;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("fulmar-helper-link"));
    this.workers = Executors.newCachedThreadPool(daemon("fulmar-helper-request"));
  }

  /** The socket this link talks to. */
  public Path socket() {
    return socket;
  }

  /** Starts connecting in the background. */
  public void start() {
    report(Availability.CONNECTING, "");
    scheduler.execute(this::attempt);
  }

  /** Connects now (the user pressed "Try again"), unless already connected. */
  public synchronized void retryNow() {
    if (pendingRetry != null) {
      pendingRetry.cancel(false);
    }
    failures.set(0);
    scheduler.execute(this::attempt);
  }

  /** Whether requests can be made. */
  public boolean isReady() {
    ControlClient c = client;
    return c != null && c.isOpen();
  }

  /** The helper's welcome, or null when not connected. */
  public Welcome welcome() {
    ControlClient c = client;
    return c == null ? null : c.welcome();
  }

  /**
   * Runs {@code call} on a worker thread. The future fails with {@link ControlException} when
   * the helper is not connected or the request fails; callers hop to the UI thread themselves.
   */
  public <T> CompletableFuture<T> call(Call<T> call) {
    CompletableFuture<T> f = new CompletableFuture<>();
    workers.execute(() -> {
      ControlClient c = client;
      try {
        if (c == null || !c.isOpen()) {
          throw new ControlException("the Fulmar helper is not connected");
        }
        f.complete(call.run(c));
      } catch (ControlException | RuntimeException e) {
        f.completeExceptionally(e);
      }
    });
    return f;
  }

  private void attempt() {
    // retries keep showing the last problem (and its advice) until something changes
    if (closed || isReady()) {
      return;
    }
    ControlClient c = null;
    Forwarder forwarder = new Forwarder();
    try {
      c = ControlClient.connect(socket, CLIENT_NAME, clientVersion, forwarder,
          ControlClient.DEFAULT_TIMEOUT);
      forwarder.owner = c;
      client = c;
      c.subscribe(Topic.STATE, Topic.STATS, Topic.LOG);
      failures.set(0);
      report(Availability.READY, "");
    } catch (ControlException e) {
      if (c != null) {
        client = null;
        c.close();
      }
      report(classify(e), e.getMessage() == null ? "" : e.getMessage());
      scheduleRetry();
    }
  }

  static Availability classify(ControlException e) {
    if (e instanceof HelperNotRunningException) {
      return Availability.NOT_RUNNING;
    }
    if (e instanceof NotPermittedException) {
      return Availability.NOT_PERMITTED;
    }
    if (e instanceof RequestFailedException r && r.code() == ErrorCode.UNSUPPORTED_VERSION) {
      return Availability.INCOMPATIBLE;
    }
    if (e instanceof RequestFailedException r && r.code() == ErrorCode.NOT_PERMITTED) {
      return Availability.NOT_PERMITTED;
    }
    return Availability.FAILED;
  }

  private synchronized void scheduleRetry() {
    if (closed) {
      return;
    }
    int n = Math.min(failures.getAndIncrement(), 16);
    long delay = Math.min(MAX_RETRY.toMillis(), firstRetry.toMillis() << Math.min(n, 5));
    pendingRetry = scheduler.schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
  }

  private void report(Availability a, String message) {
    if (!closed) {
      ui.execute(() -> listener.onAvailability(a, message));
    }
  }

  @Override
  public void close() {
    closed = true;
    ControlClient c = client;
    client = null;
    if (c != null) {
      c.close();
    }
    scheduler.shutdownNow();
    workers.shutdownNow();
  }

  private final class Forwarder implements EventListener {
    private volatile ControlClient owner;

    @Override
    public void onEvent(Event event) {
      if (!closed) {
        ui.execute(() -> listener.onEvent(event));
      }
    }

    @Override
    public void onClosed(ControlException cause) {
      if (closed || owner == null || client != owner) {
        return; // a client that never became current, or was replaced
      }
      client = null;
      report(Availability.CONNECTING, cause == null ? "" : String.valueOf(cause.getMessage()));
      scheduleRetry();
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

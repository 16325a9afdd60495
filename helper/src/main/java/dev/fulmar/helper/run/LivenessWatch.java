package dev.fulmar.helper.run;

import dev.fulmar.core.api.SessionLoop;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Dead-peer detection from the tunnel's side (RFC 7296 §2.4): every {@code interval} it looks at
 * the data path's count of authenticated inbound ESP packets; when nothing came since the last
 * look, it asks the session in force whether the gateway is still there ({@link
 * dev.fulmar.core.api.IkeSession#checkLiveness()}, an empty INFORMATIONAL). A busy tunnel costs
 * nothing; an idle one one exchange per interval; a gateway that does not answer ends the session
 * with the retryable {@code PEER_UNREACHABLE} once the retransmissions give up, and the {@link
 * Supervisor} reconnects.
 *
 * <p>It lives in the tunnel because the tunnel owns the data path whose counters tell whether
 * the gateway is alive, across every session it replaces. {@code checkLiveness()} does nothing
 * while a request is outstanding, so a check the engine makes by itself never runs twice at once.
 * Runs on the tunnel's loop; tests drive it with a manual loop.
 */
final class LivenessWatch {
  private final SessionLoop loop;
  private final Duration interval;
  private final LongSupplier inbound;
  private final Runnable idle;
  private long lastCount;
  private SessionLoop.Timer timer;
  private boolean stopped;

  /**
   * @param interval the profile's DPD interval; zero turns the watch off
   * @param inbound authenticated inbound packets so far (any change means the gateway is alive)
   * @param idle runs on the loop when nothing came in for a whole interval
   */
  LivenessWatch(SessionLoop loop, Duration interval, LongSupplier inbound, Runnable idle) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("liveness interval " + interval + " is negative");
    }
    this.loop = loop;
    this.interval = interval;
    this.inbound = inbound;
    this.idle = idle;
  }

  /** Starts looking, one interval from now. */
  void start() {
    if (interval.isZero()) {
      return;
    }
    loop.execute(() -> {
      if (!stopped) {
        lastCount = inbound.getAsLong();
        timer = loop.schedule(interval, this::tick);
      }
    });
  }

  private void tick() {
    if (stopped) {
      return;
    }
    long now = inbound.getAsLong();
    boolean quiet = now == lastCount;
    lastCount = now;
    timer = loop.schedule(interval, this::tick);
    if (quiet) {
      idle.run();
    }
  }

  /** Stops looking; no {@code idle} runs afterwards. */
  void stop() {
    loop.execute(() -> {
      stopped = true;
      if (timer != null) {
        timer.cancel();
        timer = null;
      }
    });
  }
}

package dev.fulmar.core.ike;

import dev.fulmar.core.api.SessionLoop;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A {@link SessionLoop} for tests: tasks run on the calling thread as soon as nothing else runs
 * (so a task never runs inside another), and time moves only through {@link #advance}. Exceptions
 * thrown by a task reach the test.
 */
public final class ManualSessionLoop implements SessionLoop, SessionLoop.Factory {
  private final Deque<Runnable> ready = new ArrayDeque<>();
  private final PriorityQueue<Scheduled> timers =
      new PriorityQueue<>(Comparator.comparingLong(Scheduled::due).thenComparingLong(s -> s.seq));
  private long now;
  private long seq;
  private boolean draining;
  private boolean shutdown;

  private final class Scheduled implements Timer {
    private final long due;
    private final long seq;
    private final Runnable task;
    private boolean cancelled;

    Scheduled(long due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }

    long due() {
      return due;
    }

    @Override
    public void cancel() {
      cancelled = true;
      timers.remove(this);
    }
  }

  @Override
  public SessionLoop create(String name) {
    return this;
  }

  @Override
  public long nanoTime() {
    return now;
  }

  /** Elapsed manual time since the start. */
  public Duration elapsed() {
    return Duration.ofNanos(now);
  }

  @Override
  public void execute(Runnable task) {
    if (shutdown) {
      return;
    }
    ready.add(task);
    drain();
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    Scheduled s = new Scheduled(now + delay.toNanos(), seq++, task);
    if (!shutdown) {
      timers.add(s);
    }
    return s;
  }

  @Override
  public void shutdown() {
    shutdown = true;
    timers.clear();
  }

  public boolean isShutdown() {
    return shutdown;
  }

  /** Moves time forward by {@code d}, running each timer that falls due, in order. */
  public void advance(Duration d) {
    long target = now + d.toNanos();
    while (!timers.isEmpty() && timers.peek().due <= target) {
      Scheduled s = timers.poll();
      now = Math.max(now, s.due);
      if (!s.cancelled) {
        execute(s.task);
      }
    }
    now = target;
  }

  /** Runs timers until none is left or {@code limit} has passed; returns the time moved. */
  public Duration runTimers(Duration limit) {
    long start = now;
    while (!timers.isEmpty() && timers.peek().due - start <= limit.toNanos()) {
      advance(Duration.ofNanos(timers.peek().due - now));
    }
    return Duration.ofNanos(now - start);
  }

  /** Delays from now of the pending timers, soonest first. */
  public List<Duration> pendingTimers() {
    List<Scheduled> sorted = new ArrayList<>(timers);
    sorted.sort(Comparator.comparingLong(Scheduled::due));
    List<Duration> out = new ArrayList<>();
    for (Scheduled s : sorted) {
      out.add(Duration.ofNanos(s.due - now));
    }
    return out;
  }

  private void drain() {
    if (draining) {
      return;
    }
    draining = true;
    try {
      Runnable r;
      while ((r = ready.poll()) != null) {
        r.run();
      }
    } finally {
      draining = false;
    }
  }
}

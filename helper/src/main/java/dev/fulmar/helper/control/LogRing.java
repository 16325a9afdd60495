package dev.fulmar.helper.control;

import dev.fulmar.control.message.LogLevel;
import dev.fulmar.control.message.LogLine;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The helper's recent log: a bounded ring of redacted lines that clients read with {@code logs},
 * follow with a {@code LOG} subscription, and find in a diagnostics bundle. Every line is also
 * passed (redacted) to SLF4J, i.e. stderr or the journal. Thread-safe.
 */
public final class LogRing {
  private static final Logger LOG = LoggerFactory.getLogger("fulmard");
  private static final int MAX_LINE_CHARS = 4000;

  private final int capacity;
  private final Clock clock;
  private final Redactor redactor;
  private final Deque<LogLine> lines = new ArrayDeque<>();
  private final List<Consumer<LogLine>> listeners = new CopyOnWriteArrayList<>();
  private long nextSeq = 1;

  public LogRing(int capacity, Clock clock, Redactor redactor) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity " + capacity);
    }
    this.capacity = capacity;
    this.clock = clock;
    this.redactor = redactor;
  }

  /** The redactor every line goes through. */
  public Redactor redactor() {
    return redactor;
  }

  /** Adds a line (redacted, cut to 4000 characters) and hands it to the listeners. */
  public LogLine append(LogLevel level, String source, String message) {
    String text = redactor.redact(message == null ? "" : message);
    if (text.length() > MAX_LINE_CHARS) {
      text = text.substring(0, MAX_LINE_CHARS) + "...";
    }
    String src = source == null ? "" : redactor.redact(source);
    LogLine line;
    synchronized (lines) {
      line = new LogLine(nextSeq++, clock.millis(), level, src, text);
      lines.addLast(line);
      if (lines.size() > capacity) {
        lines.removeFirst();
      }
    }
    forward(line);
    listeners.forEach(l -> l.accept(line));
    return line;
  }

  /** The last {@code max} lines with a sequence number above {@code afterSeq}, oldest first. */
  public List<LogLine> tail(int max, long afterSeq) {
    synchronized (lines) {
      List<LogLine> out = new ArrayList<>();
      var it = lines.descendingIterator();
      while (it.hasNext() && out.size() < max) {
        LogLine l = it.next();
        if (l.seq() <= afterSeq) {
          break;
        }
        out.add(l);
      }
      java.util.Collections.reverse(out);
      return out;
    }
  }

  /** Calls {@code listener} with every new line. */
  public void addListener(Consumer<LogLine> listener) {
    listeners.add(listener);
  }

  private static void forward(LogLine l) {
    String text = "[" + l.source() + "] " + l.message();
    switch (l.level()) {
      case ERROR -> LOG.error(text);
      case WARN -> LOG.warn(text);
      case INFO -> LOG.info(text);
      default -> LOG.debug(text);
    }
  }
}

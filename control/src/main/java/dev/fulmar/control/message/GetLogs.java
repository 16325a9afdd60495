package dev.fulmar.control.message;

/**
 * Asks for the last lines of the helper's (redacted) log ring buffer; answered with {@link
 * LogLines}.
 *
 * @param max at most this many lines (1 to the ring's size)
 * @param afterSeq only lines with a larger {@link LogLine#seq()}; 0 for all
 */
public record GetLogs(int max, long afterSeq) implements Request {
  public GetLogs {
    if (max < 1) {
      throw new IllegalArgumentException("logs: max must be at least 1 (got " + max + ")");
    }
    if (afterSeq < 0) {
      throw new IllegalArgumentException("logs: afterSeq must not be negative");
    }
  }
}

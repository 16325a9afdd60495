package dev.fulmar.core.spi;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One recorded way back: how to undo one change made to the system (delete a route, restore a
 * file, remove a firewall table). The OS adapter that makes a change writes the matching step to a
 * {@link SystemChangeJournal} before making it, and knows how to carry it out later, even in a
 * fresh process after a crash.
 *
 * @param kind what to do, a short lower-case name such as {@code route.delete}; the adapter
 *     defines the kinds it understands
 * @param args the operands, in the order the kind defines (e.g. prefix, device)
 */
public record UndoStep(String kind, List<String> args) {

  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z0-9-]+)*");

  /** Checks the kind and copies the arguments; arguments must not contain line breaks or NUL. */
  public UndoStep {
    Objects.requireNonNull(kind, "kind");
    if (!KIND.matcher(kind).matches() || kind.length() > 64) {
      throw new IllegalArgumentException("invalid undo step kind '" + kind + "'");
    }
    args = List.copyOf(args);
    for (String a : args) {
      if (a.indexOf('\n') >= 0 || a.indexOf('\r') >= 0 || a.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("undo step argument with a line break or NUL");
      }
    }
  }

  /** Shorthand for {@code new UndoStep(kind, List.of(args))}. */
  public static UndoStep of(String kind, String... args) {
    return new UndoStep(kind, List.of(args));
  }

  @Override
  public String toString() {
    return args.isEmpty() ? kind : kind + " " + String.join(" ", args);
  }
}

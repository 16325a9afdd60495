package dev.fulmar.core.spi;

import java.io.IOException;
import java.util.List;

/**
 * A durable write-ahead log of the changes an OS adapter made to the system, kept so that every
 * change is undone on disconnect, on error, and at the next helper start after a crash (even
 * {@code kill -9}): no leftover device, address, route, DNS setting or firewall rule.
 *
 * <p>Protocol for every change: {@link #record} its {@link UndoStep} (which returns only once the
 * step is on stable storage), then make the change; if making it fails and nothing changed,
 * {@link #discard} the step. Undo steps must be idempotent: after a crash between {@code record}
 * and the change, rollback undoes a change that was never made, which must be harmless.
 *
 * <p>Implementations are thread-safe.
 */
public interface SystemChangeJournal {

  /** The journal's name (one journal per concern, e.g. {@code network} or {@code killswitch}). */
  String name();

  /**
   * Appends {@code step} and forces it to stable storage before returning.
   *
   * @throws IOException when the step could not be made durable; the change must then not be made
   */
  void record(UndoStep step) throws IOException;

  /**
   * Removes the most recent entry equal to {@code step}: the change it would undo was not made
   * (or was already undone by other means). Does nothing when no such entry exists.
   */
  void discard(UndoStep step) throws IOException;

  /** The steps not yet undone, oldest first. */
  List<UndoStep> pending();

  /**
   * Undoes every pending step, newest first, removing each from the journal once it succeeded.
   * A failing step does not stop the others: it stays in the journal for a later attempt and is
   * listed in the report.
   */
  RollbackReport rollback();

  /**
   * The outcome of a {@link #rollback()}.
   *
   * @param undone the steps carried out, in the order they ran
   * @param failed the steps that failed, each with the reason, still pending in the journal
   */
  record RollbackReport(List<UndoStep> undone, List<Failure> failed) {

    /** Copies the lists. */
    public RollbackReport {
      undone = List.copyOf(undone);
      failed = List.copyOf(failed);
    }

    /** True when nothing failed. */
    public boolean complete() {
      return failed.isEmpty();
    }

    /** A step that could not be undone. */
    public record Failure(UndoStep step, String reason) {}
  }
}

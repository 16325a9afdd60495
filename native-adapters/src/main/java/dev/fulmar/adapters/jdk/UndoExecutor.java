package dev.fulmar.adapters.jdk;

import dev.fulmar.core.spi.UndoStep;
import java.io.IOException;

/** Carries out {@link UndoStep}s of the kinds one OS adapter records. */
@FunctionalInterface
public interface UndoExecutor {

  /**
   * Undoes one change. Must succeed when the change is already gone (idempotent).
   *
   * @throws IOException when the change could not be undone
   * @throws IllegalArgumentException when the kind or the arguments are not understood
   */
  void undo(UndoStep step) throws IOException;
}
